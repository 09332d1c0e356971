package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.offsets.LogSnapshot;
import cn.shishi.aggregator.offsets.OffsetRepository;
import cn.shishi.aggregator.offsets.StoredPosition;
import cn.shishi.aggregator.offsets.TopicLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Where the applied records end (the offsets stored with the rollups) against where each partition
 * of the topic ends in Kafka: what reconciliation reports.
 */
@ApplicationScoped
public class PartitionPositions {
  private final OffsetRepository offsets;
  private final TopicLog log;
  private final AggregatorConfig config;

  public PartitionPositions(OffsetRepository offsets, TopicLog log, AggregatorConfig config) {
    this.offsets = offsets;
    this.log = log;
    this.config = config;
  }

  /** Every partition of the topic, in partition order. */
  public List<Reconciliation.PartitionPosition> read() {
    // Stored first: a batch committing meanwhile can only move the log's end further on.
    Map<Integer, StoredPosition> stored = offsets.read(config.topic());
    LogSnapshot snapshot = log.snapshot(config.topic());
    return snapshot.partitions().entrySet().stream()
        .map(
            range ->
                new Reconciliation.PartitionPosition(
                    range.getKey(),
                    stored.getOrDefault(range.getKey(), new StoredPosition(0, null)).next(),
                    range.getValue().start(),
                    range.getValue().end()))
        .toList();
  }
}
