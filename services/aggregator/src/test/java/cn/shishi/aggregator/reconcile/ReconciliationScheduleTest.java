package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
  void checksEverythingWhenSomeSliceWasNeverChecked() {
    List<Instant> checkedAt = new ArrayList<>(Collections.nCopies(12, LAST));
    checkedAt.set(5, Instant.MIN);

    assertThat(ReconciliationSchedule.nextSlice(checkedAt)).isEqualTo(ProvinceSlice.ALL);
  }

  @Test
  void checksTheSliceCheckedLongestAgo() {
    List<Instant> checkedAt = new ArrayList<>();
    for (int index = 0; index < 12; index++) {
      checkedAt.add(LAST.plusSeconds(300L * ((index + 8) % 12)));
    }

    assertThat(ReconciliationSchedule.nextSlice(checkedAt)).isEqualTo(new ProvinceSlice(4, 12));
  }

  @Test
  void afterACheckOfEverythingGoesRoundFromTheFirstSlice() {
    assertThat(ReconciliationSchedule.nextSlice(Collections.nCopies(12, LAST)))
        .isEqualTo(new ProvinceSlice(0, 12));
    assertThat(ReconciliationSchedule.nextSlice(List.of(LAST))).isEqualTo(ProvinceSlice.ALL);
  }
}
