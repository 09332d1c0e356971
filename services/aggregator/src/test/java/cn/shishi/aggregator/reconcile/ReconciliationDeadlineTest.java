package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReconciliationDeadlineTest {
  private static final Instant CHECKED = Instant.parse("2026-12-06T05:00:01.500Z");

  @Test
  void withTheDefaultsTheNewestCheckIsOverdueAfter150Minutes() {
    assertThat(ReconciliationDeadline.overdueAfter(12, Duration.ofMinutes(5), Duration.ofHours(1)))
        .isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void moreSlicesALongerIntervalOrDeferralGiveALongerDeadline() {
    // A round of 24 × 10 minutes, two intervals, two hours' deferral and the check's 20 minutes.
    assertThat(ReconciliationDeadline.overdueAfter(24, Duration.ofMinutes(10), Duration.ofHours(2)))
        .isEqualTo(Duration.ofMinutes(240 + 20 + 120 + 20));
  }

  @Test
  void theGaugesGiveTheNewestChecksStartNoneBeforeAnyAndTheDeadline() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicReference<Instant> newest = new AtomicReference<>(Instant.MIN);

    ReconciliationDeadline.register(
        registry, newest::get, 12, Duration.ofMinutes(5), Duration.ofHours(1));

    assertThat(lastCheck(registry)).as("no check known yet").isNaN();
    newest.set(CHECKED);
    assertThat(lastCheck(registry)).isEqualTo(1_796_533_201.5);
    assertThat(registry.get("shishi.reconciliation.overdue.after").gauge().value())
        .isEqualTo(9_000.0);
  }

  @Test
  void aScheduleThatIsOffExportsNeither() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    ReconciliationDeadline.register(
        registry, () -> CHECKED, 12, Duration.ZERO, Duration.ofHours(1));

    assertThat(registry.getMeters()).isEmpty();
  }

  private static double lastCheck(SimpleMeterRegistry registry) {
    return registry.get("shishi.reconciliation.last.check.timestamp").gauge().value();
  }
}
