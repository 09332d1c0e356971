package cn.shishi.aggregator.domain;

import cn.shishi.aggregator.offsets.OffsetRepository;
import cn.shishi.aggregator.persistence.RollupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Recomputes every rollup from the ledger, with the consumers held off meanwhile. */
@ApplicationScoped
public class RollupRebuild {
  private final RollupRepository rollups;
  private final OffsetRepository offsets;

  public RollupRebuild(RollupRepository rollups, OffsetRepository offsets) {
    this.rollups = rollups;
    this.offsets = offsets;
  }

  /** The number of day cells rebuilt. */
  @Transactional
  public int rebuild(String topic) {
    offsets.lock(topic, offsets.read(topic).keySet());
    return rollups.rebuild();
  }
}
