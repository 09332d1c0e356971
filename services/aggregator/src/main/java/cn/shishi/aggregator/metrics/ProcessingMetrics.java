package cn.shishi.aggregator.metrics;

import cn.shishi.aggregator.domain.BatchOutcome;
import cn.shishi.aggregator.domain.DeadLetter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;

/**
 * Flow metrics of the consumer, counted after each committed batch. Labels are bounded: province
 * (34 values and "unknown"), program, outcome; never county or office (docs/metrics.md).
 */
@ApplicationScoped
public class ProcessingMetrics {
  private final MeterRegistry registry;
  private final DistributionSummary batchSize;
  private final Timer commit;

  public ProcessingMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batchSize =
        DistributionSummary.builder("shishi.batch.size")
            .description("Records per committed batch transaction")
            .publishPercentileHistogram()
            .register(registry);
    this.commit =
        Timer.builder("shishi.batch.commit")
            .description("Time to apply one batch in its database transaction, commit included")
            .publishPercentileHistogram()
            .register(registry);
  }

  /** Runs one batch transaction, timing it. */
  public <T> T timeCommit(Supplier<T> transaction) {
    return commit.record(transaction);
  }

  /** Every dead-letter reason from the start, at zero: the first one is then an increase. */
  void registerCounters(@Observes StartupEvent event) {
    for (String reason :
        new String[] {
          DeadLetter.UNPARSEABLE,
          DeadLetter.UNKNOWN_SCHEMA_VERSION,
          DeadLetter.UNKNOWN_EVENT_TYPE,
          DeadLetter.INVALID
        }) {
      deadLetters(reason);
    }
  }

  private Counter deadLetters(String reason) {
    return Counter.builder("shishi.dead.letters")
        .description("Records sent to the dead-letter topic, by reason")
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
                    .tag("program", key.program())
                    .tag("outcome", key.outcome())
                    .register(registry)
                    .increment(count));
    outcome.deadLetterReasons().forEach((reason, count) -> deadLetters(reason).increment(count));
    batchSize.record(
        outcome.counted()
            + outcome.duplicates()
            + outcome.withdrawn()
            + outcome.withdrawalsRejected()
            + outcome.deadLetters());
  }
}
