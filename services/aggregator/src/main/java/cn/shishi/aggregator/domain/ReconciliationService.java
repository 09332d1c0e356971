package cn.shishi.aggregator.domain;

import cn.shishi.aggregator.persistence.RollupRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares the rollups with a recomputation from the ledger (in one statement, so one snapshot) and
 * the stored offsets with Kafka's end offsets; publishes the drift as a gauge.
 */
@ApplicationScoped
public class ReconciliationService {
  private final RollupRepository rollups;
  private final PartitionPositions positions;
  private final Clock clock;
  private final AtomicInteger drift = new AtomicInteger();

  public ReconciliationService(
      RollupRepository rollups, PartitionPositions positions, Clock clock, MeterRegistry registry) {
    this.rollups = rollups;
    this.positions = positions;
    this.clock = clock;
    Gauge.builder("shishi.reconciliation.drift", drift, AtomicInteger::get)
        .description("Rollup cells that disagree with the ledger at the last reconciliation")
        .register(registry);
  }

  public Reconciliation reconcile() {
    List<Reconciliation.CellDifference> cells =
        rollups.drift().stream()
            .map(
                d ->
                    new Reconciliation.CellDifference(
                        d.period(), d.cell(), d.stored(), d.fromLedger()))
            .toList();
    List<Reconciliation.PartitionPosition> partitions = positions.read();
    Reconciliation result = new Reconciliation(clock.instant(), cells, partitions);
    drift.set(result.drift());
    return result;
  }
}
