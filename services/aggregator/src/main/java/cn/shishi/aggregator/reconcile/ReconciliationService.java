package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AdminAction;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.offsets.OffsetGuard;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Compares the rollups with a recomputation from the ledger, and the stored offsets with the
 * topic's log (recording any anomaly). The drift gauge adds up the last check of each of the
 * scheduled province slices (a check of everything counts for all of them), kept in the database so
 * that a restarted instance's gauge is whole without checking everything again.
 */
@ApplicationScoped
public class ReconciliationService {
  private final DriftRepository rollups;
  private final SliceCheckRepository checks;
  private final PartitionPositions positions;
  private final OffsetGuard offsets;
  private final AuditLog audit;
  private final Clock clock;
  private final String workMem;
  private final int slices;
  private final SliceDrift drift;
  private final Timer sliceDuration;
  private final Timer allDuration;

  public ReconciliationService(
      DriftRepository rollups,
      SliceCheckRepository checks,
      PartitionPositions positions,
      OffsetGuard offsets,
      AuditLog audit,
      Clock clock,
      AggregatorConfig config,
      MeterRegistry registry) {
    this.rollups = rollups;
    this.checks = checks;
    this.positions = positions;
    this.offsets = offsets;
    this.audit = audit;
    this.clock = clock;
    this.workMem = config.reconciliationWorkMem();
    this.slices = config.reconciliationSlices();
    this.drift = new SliceDrift(slices);
    Gauge.builder("shishi.reconciliation.drift", drift, SliceDrift::total)
        .description("Rollup cells that disagree with the ledger at the last reconciliation")
        .register(registry);
    this.sliceDuration = duration(registry, "slice");
    this.allDuration = duration(registry, "all");
  }

  private static Timer duration(MeterRegistry registry, String scope) {
    return Timer.builder("shishi.reconciliation.duration")
        .description("Time to reconcile a slice of the provinces (scheduled) or all of them")
        .tag("scope", scope)
        .register(registry);
  }

  /** Everything, as an auditor asks for it. */
  @Transactional
  @TransactionConfiguration(timeout = 3600)
  public Reconciliation reconcile(Actor actor) {
    Reconciliation result = check(ProvinceSlice.ALL);
    audit.record(
        actor,
        AdminAction.RECONCILIATION,
        "all provinces",
        "drift " + result.drift() + ", open offset anomalies " + result.offsetAnomalies().size());
    return result;
  }

  /**
   * The cells of the provinces in {@code slice}, and every partition's position, in one snapshot. A
   * check of everything reads the whole ledger: a minute on 12 million reports, so the transaction
   * may last up to an hour.
   */
  @Transactional
  @TransactionConfiguration(timeout = 3600)
  public Reconciliation reconcile(ProvinceSlice slice) {
    return check(slice);
  }

  /**
   * Takes the newest kept checks, this instance's and the others', into the drift gauge; when each
   * scheduled slice's newest check started, and the time now, both by the database's clock.
   */
  @Transactional
  public SliceCheckTimes restore() {
    Instant now = checks.transactionStart();
    drift.restore(checks.load(slices));
    return new SliceCheckTimes(drift.checkedAt(), now);
  }

  /**
   * When the newest check known here, of any slice or of everything, by any instance, started
   * ({@link Instant#MIN} for none): this instance's checks at once, the others' from the schedule's
   * next run.
   */
  public Instant newestCheck() {
    return drift.newest();
  }

  private Reconciliation check(ProvinceSlice slice) {
    Timer.Sample started = Timer.start();
    List<CellDrift> cells = rollups.drift(slice, workMem);
    started.stop(slice.isAll() ? allDuration : sliceDuration);
    // Asked after the drift, whose statements must come first; the transaction's start is the same
    // (by the database's clock) and precedes the snapshot the drift was read from.
    Instant startedAt = checks.transactionStart();
    // Kept in the check's own transaction, on its connection. Checks run one at a time (the
    // advisory lock), so no other transaction updates these rows after this snapshot, except one
    // that committed between the snapshot and the lock: then the check fails and runs again.
    checks.save(drift.record(slice, startedAt, cells));
    return new Reconciliation(clock.instant(), cells, positions.read(), offsets.audit());
  }
}
