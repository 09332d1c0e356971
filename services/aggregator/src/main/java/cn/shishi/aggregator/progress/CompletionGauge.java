package cn.shishi.aggregator.progress;

import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * {@code shishi_target_completion_ratio{province,program,unit}}: each province's own targets of a
 * program, achieved over committed, per unit (targets in different units are never added). Read
 * from PostgreSQL with the business gauges; every instance reports the same value (combine with
 * max).
 */
@ApplicationScoped
public class CompletionGauge {
  private static final Logger LOG = Logger.getLogger(CompletionGauge.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final TargetService targets;
  private final MultiGauge ratio;

  public CompletionGauge(TargetService targets, MeterRegistry registry) {
    this.targets = targets;
    this.ratio =
        MultiGauge.builder("shishi.target.completion.ratio")
            .description(
                "Achieved over target, of each province's own targets per program and unit")
            .register(registry);
  }

  @Scheduled(
      every = "${shishi.aggregator.gauge-refresh}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void refresh() {
    try {
      ratio.register(
          targets.provinceProgress(TIMEOUT).stream()
              .<MultiGauge.Row<?>>map(
                  row ->
                      MultiGauge.Row.of(
                          Tags.of(
                              "province",
                              row.group().get(Dimension.PROVINCE),
                              "program",
                              row.group().get(Dimension.PROGRAM),
                              "unit",
                              row.unit()),
                          new Completion(row.target(), row.achieved()).ratio().doubleValue()))
              .toList(),
          true);
    } catch (RuntimeException e) {
      LOG.debugf("target completion not refreshed: %s", e);
    }
  }
}
