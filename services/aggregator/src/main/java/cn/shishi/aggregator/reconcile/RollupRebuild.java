package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AdminAction;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.offsets.OffsetRepository;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Recomputes every rollup from the ledger, with every batch held off meanwhile: those of partitions
 * created during the rebuild too.
 */
@ApplicationScoped
public class RollupRebuild {
  private final RebuildRepository rollups;
  private final OffsetRepository offsets;
  private final AuditLog audit;

  public RollupRebuild(RebuildRepository rollups, OffsetRepository offsets, AuditLog audit) {
    this.rollups = rollups;
    this.offsets = offsets;
    this.audit = audit;
  }

  /**
   * The number of day cells rebuilt. A rebuild reads the whole ledger: on 12 million reports it
   * takes minutes, so its transaction may last up to an hour (the default is 60 s).
   */
  @Transactional
  @TransactionConfiguration(timeout = 3600)
  public int rebuild(String topic, Actor actor) {
    if (!rollups.tryLock()) {
      throw new AlreadyRunning("rebuild");
    }
    offsets.holdPartitionWriters();
    // Aggregators of the release before this lock take only the offset rows: while a rolling
    // update runs both, a rebuild holds those too (after the advisory lock, in the batches' order).
    offsets.lock(topic, offsets.read(topic).keySet());
    int cells = rollups.rebuild();
    audit.record(actor, AdminAction.REBUILD, "rollups", cells + " day cells");
    return cells;
  }
}
