package cn.shishi.aggregator.reconcile;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the ShishiReconciliationStopped alert compares (deploy/prometheus): when the newest check
 * started, and how long the schedule may rightly go without one with this instance's settings. The
 * alert fires once the newest check is older than that, so it follows the settings instead of a
 * window written into the rule for the defaults.
 */
final class ReconciliationDeadline {
  /**
   * The room a check itself may take before it is counted (its start is kept when it ends): a slice
   * of a 12-million-report ledger took about 7 s, everything over a minute (docs/operations.md).
   */
  static final Duration LONGEST_CHECK = Duration.ofMinutes(20);

  private ReconciliationDeadline() {}

  /**
   * The longest the newest check may rightly be old, with {@code slices} slices checked one an
   * {@code interval} and runs deferred up to {@code maxDeferral} behind a backlog: after a check of
   * everything the schedule rests a round (slices × interval); a backlog may defer the next check
   * by the deferral; the timer's phase adds an interval, and another instance's check is seen here
   * an interval later; then the check itself. 150 minutes for the defaults.
   */
  static Duration overdueAfter(int slices, Duration interval, Duration maxDeferral) {
    return interval.multipliedBy(slices + 2L).plus(maxDeferral).plus(LONGEST_CHECK);
  }

  /**
   * With a schedule running every {@code interval} (zero: {@code off}), exports {@code
   * shishi_reconciliation_last_check_timestamp_seconds}, the newest check's start ({@code NaN}
   * until one is known, so that an instance that knows none, freshly started or unable to read the
   * kept checks, hides no other's older view), and {@code
   * shishi_reconciliation_overdue_after_seconds}. With the schedule off, neither: no check is meant
   * to run.
   */
  static void register(
      MeterRegistry registry,
      Supplier<Instant> newestCheck,
      int slices,
      Duration interval,
      Duration maxDeferral) {
    if (interval.isZero()) {
      return;
    }
    Duration overdueAfter = overdueAfter(slices, interval, maxDeferral);
    Gauge.builder("shishi.reconciliation.last.check.timestamp", () -> seconds(newestCheck.get()))
        .description("When the newest reconciliation check known to this instance started")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    Gauge.builder("shishi.reconciliation.overdue.after", () -> seconds(overdueAfter))
        .description("How old the newest reconciliation check may rightly be, by the settings")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  private static double seconds(Instant instant) {
    return instant.equals(Instant.MIN)
        ? Double.NaN
        : instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
