package cn.shishi.aggregator.ops;

import cn.shishi.aggregator.apply.BatchOutcome;
import cn.shishi.aggregator.apply.DeadLetter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Flow metrics of the consumer, counted after each committed batch. Labels are bounded: province
 * (34 values and "unknown"), program (those of the catalogue and "other"), outcome; never county or
 * office (docs/metrics.md).
 */
@ApplicationScoped
public class ProcessingMetrics {
  private final MeterRegistry registry;
  private final CodeLabels codes;

  public ProcessingMetrics(MeterRegistry registry, CodeLabels codes) {
    this.registry = registry;
    this.codes = codes;
  }

  /** Every dead-letter reason from the start, at zero: the first one is then an increase. */
  void registerCounters(@Observes StartupEvent event) {
    for (String reason : DeadLetter.REASONS) {
      deadLetters(reason);
    }
  }

  private Counter deadLetters(String reason) {
    return Counter.builder("shishi.dead.letters")
        .description("Records set aside as dead letters, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  void onBatch(@Observes BatchOutcome outcome) {
    outcome
        .outcomes()
        .forEach(
            (key, count) ->
                Counter.builder("shishi.reports.processed")
                    .description("Records applied by the aggregator, by outcome")
                    .tag("province", key.province())
                    .tag("program", codes.program(key.program()))
                    .tag("outcome", key.outcome())
                    .register(registry)
                    .increment(count));
    outcome.deadLetterReasons().forEach((reason, count) -> deadLetters(reason).increment(count));
  }
}
