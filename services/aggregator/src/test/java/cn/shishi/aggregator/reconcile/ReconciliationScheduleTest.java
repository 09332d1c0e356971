package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconciliationScheduleTest {
  private static final Instant LAST = Instant.parse("2026-11-29T02:00:00Z");
  private static final Duration MAX_DEFERRAL = Duration.ofHours(1);

  @Test
  void runsWhenCaughtUp() {
    assertThat(ReconciliationSchedule.due(0, LAST, LAST.plusSeconds(300), 10_000, MAX_DEFERRAL))
        .isTrue();
    assertThat(
            ReconciliationSchedule.due(10_000, LAST, LAST.plusSeconds(300), 10_000, MAX_DEFERRAL))
        .isTrue();
  }

  @Test
  void waitsWhileABacklogDrains() {
    assertThat(
            ReconciliationSchedule.due(10_001, LAST, LAST.plusSeconds(300), 10_000, MAX_DEFERRAL))
        .isFalse();
  }

  @Test
  void waitsNoLongerThanTheMaximumDeferral() {
    assertThat(
            ReconciliationSchedule.due(
                5_000_000, LAST, LAST.plus(MAX_DEFERRAL).minusSeconds(1), 10_000, MAX_DEFERRAL))
        .isFalse();
    assertThat(
            ReconciliationSchedule.due(
                5_000_000, LAST, LAST.plus(MAX_DEFERRAL), 10_000, MAX_DEFERRAL))
        .isTrue();
  }

  @Test
  void checksEverythingFirstThenOneSliceAfterTheOther() {
    assertThat(ReconciliationSchedule.slice(0, 12)).isEqualTo(ProvinceSlice.ALL);
    assertThat(ReconciliationSchedule.slice(1, 12)).isEqualTo(new ProvinceSlice(0, 12));
    assertThat(ReconciliationSchedule.slice(12, 12)).isEqualTo(new ProvinceSlice(11, 12));
    assertThat(ReconciliationSchedule.slice(13, 12)).isEqualTo(new ProvinceSlice(0, 12));
    assertThat(ReconciliationSchedule.slice(7, 1)).isEqualTo(ProvinceSlice.ALL);
  }
}
