package cn.shishi.aggregator.offsets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The consumer's lag and the offset anomalies, per partition. Lag is the log's end less the stored
 * offset, never clamped: a negative lag is a stored offset past the log's end, and says so.
 */
@ApplicationScoped
public class OffsetGauges {
  private final MultiGauge lag;
  private final MultiGauge anomaly;
  private volatile List<OffsetAnomaly> open = List.of();
  private volatile LogProgress progress;

  public OffsetGauges(MeterRegistry registry) {
    this.lag =
        MultiGauge.builder("shishi.consumer.lag")
            .description(
                "Records in task-reports not yet applied, per partition (negative: the"
                    + " stored offset lies past the log's end)")
            .register(registry);
    this.anomaly =
        MultiGauge.builder("shishi.offset.anomaly")
            .description("1 while the partition is held by an open offset anomaly, else 0")
            .register(registry);
  }

  void update(
      Map<Integer, StoredPosition> stored,
      LogSnapshot log,
      List<OffsetAnomaly> open,
      Instant checkedAt) {
    this.open = List.copyOf(open);
    this.progress =
        new LogProgress(
            checkedAt,
            log.partitions().entrySet().stream()
                .filter(e -> e.getValue().end() > next(stored, e.getKey()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet()));
    Set<Integer> held = open.stream().map(OffsetAnomaly::partition).collect(Collectors.toSet());
    lag.register(
        log.partitions().entrySet().stream()
            .<MultiGauge.Row<?>>map(
                e ->
                    MultiGauge.Row.of(
                        tags(e.getKey()), e.getValue().end() - next(stored, e.getKey())))
            .toList(),
        true);
    anomaly.register(
        log.partitions().keySet().stream()
            .<MultiGauge.Row<?>>map(p -> MultiGauge.Row.of(tags(p), held.contains(p) ? 1 : 0))
            .toList(),
        true);
  }

  private static long next(Map<Integer, StoredPosition> stored, int partition) {
    return stored.getOrDefault(partition, new StoredPosition(0, null)).next();
  }

  /** Which partitions were behind at the last check; empty before the first. */
  public Optional<LogProgress> progress() {
    return Optional.ofNullable(progress);
  }

  /** The open anomalies at the last check: what readiness reports. */
  public List<OffsetAnomaly> open() {
    return open;
  }

  private static Tags tags(int partition) {
    return Tags.of("partition", Integer.toString(partition));
  }
}
