package cn.shishi.aggregator.apply;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * How batch transactions go: their time and size, their failures by kind, and the records they read
 * but did not apply, by why. Per instance: a frozen instance that wakes up after its partitions
 * moved shows its stale records here (docs/metrics.md).
 */
@ApplicationScoped
public class BatchMetrics {
  private final DistributionSummary batchSize;
  private final Timer commit;
  private final Counter transientFailures;
  private final Counter dataFailures;
  private final Counter alreadyApplied;
  private final Counter held;
  private final Counter outOfPosition;

  public BatchMetrics(MeterRegistry registry) {
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
    this.transientFailures = failures(registry, FailureKind.TRANSIENT);
    this.dataFailures = failures(registry, FailureKind.DATA);
    this.alreadyApplied = skipped(registry, "already-applied");
    this.held = skipped(registry, "held");
    this.outOfPosition = skipped(registry, "out-of-position");
  }

  private static Counter failures(MeterRegistry registry, FailureKind kind) {
    return Counter.builder("shishi.batch.failures")
        .description(
            "Batch transactions that failed: transient ones are retried, data ones split the batch")
        .tag("kind", kind.label())
        .register(registry);
  }

  private static Counter skipped(MeterRegistry registry, String reason) {
    return Counter.builder("shishi.records.skipped")
        .description("Records read but not applied by this instance, by why (none is lost)")
        .tag("reason", reason)
        .register(registry);
  }

  /** Runs one batch transaction, timing it. */
  <T> T timeCommit(Supplier<T> transaction) {
    return commit.record(transaction);
  }

  void failed(FailureKind kind) {
    (kind == FailureKind.DATA ? dataFailures : transientFailures).increment();
  }

  void committed(BatchOutcome outcome) {
    batchSize.record(outcome.applied());
    alreadyApplied.increment(outcome.alreadyApplied());
    held.increment(outcome.held());
    outOfPosition.increment(outcome.outOfPosition());
  }
}
