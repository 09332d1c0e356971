package cn.shishi.aggregator.domain;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.messaging.KafkaEndOffsets;
import cn.shishi.aggregator.persistence.OffsetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where the applied records end (the offsets stored with the rollups) against where each partition
 * of the topic ends in Kafka: what reconciliation reports and the lag gauge shows.
 */
@ApplicationScoped
public class PartitionPositions {
  private final OffsetRepository offsets;
  private final KafkaEndOffsets endOffsets;
  private final AggregatorConfig config;

  public PartitionPositions(
      OffsetRepository offsets, KafkaEndOffsets endOffsets, AggregatorConfig config) {
    this.offsets = offsets;
    this.endOffsets = endOffsets;
    this.config = config;
  }

  /** Every partition of the topic, in partition order. */
  public List<Reconciliation.PartitionPosition> read() {
    Map<Integer, Long> stored = offsets.read(config.topic());
    return endOffsets.of(config.topic()).entrySet().stream()
        .map(
            end ->
                new Reconciliation.PartitionPosition(
                    end.getKey(), stored.getOrDefault(end.getKey(), 0L), end.getValue()))
        .sorted(Comparator.comparingInt(Reconciliation.PartitionPosition::partition))
        .toList();
  }
}
