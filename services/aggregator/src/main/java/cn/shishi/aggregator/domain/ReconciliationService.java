package cn.shishi.aggregator.domain;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.messaging.KafkaEndOffsets;
import cn.shishi.aggregator.persistence.OffsetRepository;
import cn.shishi.aggregator.persistence.RollupRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares the rollups with a recomputation from the ledger (in one statement, so one snapshot) and
 * the stored offsets with Kafka's end offsets; publishes the drift as a gauge.
 */
@ApplicationScoped
public class ReconciliationService {
  private final RollupRepository rollups;
  private final OffsetRepository offsets;
  private final KafkaEndOffsets endOffsets;
  private final AggregatorConfig config;
  private final Clock clock;
  private final AtomicInteger drift = new AtomicInteger();

  public ReconciliationService(
      RollupRepository rollups,
      OffsetRepository offsets,
      KafkaEndOffsets endOffsets,
      AggregatorConfig config,
      Clock clock,
      MeterRegistry registry) {
    this.rollups = rollups;
    this.offsets = offsets;
    this.endOffsets = endOffsets;
    this.config = config;
    this.clock = clock;
    Gauge.builder("shishi.reconciliation.drift", drift, AtomicInteger::get)
        .description("Rollup cells that disagree with the ledger at the last reconciliation")
        .register(registry);
  }

  public Reconciliation reconcile() {
    List<Reconciliation.CellDifference> cells =
        rollups.drift().stream()
            .map(d -> new Reconciliation.CellDifference(d.cell(), d.stored(), d.fromLedger()))
            .toList();
    Map<Integer, Long> stored = offsets.read(config.topic());
    List<Reconciliation.PartitionPosition> partitions = new ArrayList<>();
    endOffsets
        .of(config.topic())
        .forEach(
            (partition, end) ->
                partitions.add(
                    new Reconciliation.PartitionPosition(
                        partition, stored.getOrDefault(partition, 0L), end)));
    partitions.sort(java.util.Comparator.comparingInt(Reconciliation.PartitionPosition::partition));
    Reconciliation result = new Reconciliation(clock.instant(), cells, partitions);
    drift.set(result.drift());
    return result;
  }
}
