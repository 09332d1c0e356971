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
  private static final Duration INTERVAL = Duration.ofMinutes(5);

  /** Three instances whose five-minute timers started 0, 100 and 200 s apart. */
  private static final List<Duration> THREE_INSTANCES =
      List.of(Duration.ZERO, Duration.ofSeconds(100), Duration.ofSeconds(200));

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

    assertThat(ReconciliationSchedule.nextSlice(checkedAt, LAST, INTERVAL))
        .contains(ProvinceSlice.ALL);
  }

  @Test
  void checksTheSliceCheckedLongestAgo() {
    List<Instant> checkedAt = new ArrayList<>();
    for (int index = 0; index < 12; index++) {
      checkedAt.add(LAST.plus(INTERVAL.multipliedBy((index + 8) % 12)));
    }
    Instant aRoundAfterTheOldest = checkedAt.get(4).plus(INTERVAL.multipliedBy(12));

    assertThat(ReconciliationSchedule.nextSlice(checkedAt, aRoundAfterTheOldest, INTERVAL))
        .contains(new ProvinceSlice(4, 12));
  }

  @Test
  void checksNothingUntilTheOldestCheckIsARoundOldLessHalfAnInterval() {
    List<Instant> checkedAt = Collections.nCopies(12, LAST);
    Instant due = LAST.plus(Duration.ofMinutes(57).plusSeconds(30));

    assertThat(ReconciliationSchedule.nextSlice(checkedAt, due.minusSeconds(1), INTERVAL))
        .isEmpty();
    assertThat(ReconciliationSchedule.nextSlice(checkedAt, due, INTERVAL))
        .contains(new ProvinceSlice(0, 12));
  }

  @Test
  void afterACheckOfEverythingGoesRoundFromTheFirstSlice() {
    Instant anHourLater = LAST.plus(Duration.ofHours(1));

    assertThat(
            ReconciliationSchedule.nextSlice(Collections.nCopies(12, LAST), anHourLater, INTERVAL))
        .contains(new ProvinceSlice(0, 12));
    assertThat(ReconciliationSchedule.nextSlice(List.of(LAST), LAST.plus(INTERVAL), INTERVAL))
        .contains(ProvinceSlice.ALL);
  }

  @Test
  void checksNothingWithinThreeQuartersOfAnIntervalOfTheNewestCheck() {
    List<Instant> checkedAt = new ArrayList<>(Collections.nCopies(12, LAST));
    Instant newest = LAST.plus(Duration.ofHours(1));
    checkedAt.set(7, newest);
    Instant spaced = newest.plus(Duration.ofMinutes(3).plusSeconds(45));

    assertThat(ReconciliationSchedule.nextSlice(checkedAt, spaced.minusSeconds(1), INTERVAL))
        .isEmpty();
    assertThat(ReconciliationSchedule.nextSlice(checkedAt, spaced, INTERVAL))
        .contains(new ProvinceSlice(0, 12));
  }

  @Test
  void oneInstanceChecksASliceAtEveryRun() {
    assertThat(checksInTheThirdHour(List.of(Duration.ZERO))).hasSize(12);
  }

  @Test
  void threeInstancesTogetherCheckEachSliceAboutOnceARoundNotThreeTimes() {
    assertThat(checksInTheThirdHour(THREE_INSTANCES)).hasSizeBetween(12, 14);
  }

  @Test
  void threeInstancesSpreadTheRoundsChecksOverIt() {
    List<Instant> checks = checksFrom(THREE_INSTANCES, Duration.ofHours(2), Duration.ofHours(4));

    for (int i = 1; i < checks.size(); i++) {
      assertThat(Duration.between(checks.get(i - 1), checks.get(i)))
          .as("the time between the checks at %s and %s", checks.get(i - 1), checks.get(i))
          .isBetween(Duration.ofMinutes(3).plusSeconds(45), INTERVAL);
    }
  }

  /**
   * What the alert allows (ReconciliationDeadline) holds the schedule's longest gap between checks,
   * from a check of everything on, with one instance or three, their timers at the start, the end
   * or just after the start of an interval: that gap, plus an interval before another instance sees
   * the check, the longest backlog deferral (added whole, not simulated) and the check itself.
   */
  @Test
  void theLongestGapBetweenChecksIsWithinWhatTheAlertAllows() {
    Duration allowed = ReconciliationDeadline.overdueAfter(12, INTERVAL, MAX_DEFERRAL);
    for (Duration phase : List.of(Duration.ZERO, Duration.ofSeconds(1), INTERVAL.minusSeconds(1))) {
      for (List<Duration> phases :
          List.of(List.of(phase), List.of(phase, phase.plusSeconds(100), phase.plusSeconds(200)))) {
        List<Instant> checks = new ArrayList<>(List.of(LAST));
        checks.addAll(checksFrom(phases, Duration.ZERO, Duration.ofHours(5)));
        Duration longest = Duration.ZERO;
        for (int i = 1; i < checks.size(); i++) {
          Duration gap = Duration.between(checks.get(i - 1), checks.get(i));
          longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        assertThat(
                longest
                    .plus(INTERVAL)
                    .plus(MAX_DEFERRAL)
                    .plus(ReconciliationDeadline.LONGEST_CHECK))
            .as("instances at %s", phases)
            .isLessThanOrEqualTo(allowed);
      }
    }
  }

  /** The checks in the third hour of {@link #checksFrom}'s simulation. */
  private static List<Instant> checksInTheThirdHour(List<Duration> phases) {
    return checksFrom(phases, Duration.ofHours(2), Duration.ofHours(3));
  }

  /**
   * Runs instances whose timers fire every interval from their phase, against one shared record of
   * checks that starts with a check of everything, until {@code until}; the checks from {@code
   * from} on, in order.
   */
  private static List<Instant> checksFrom(List<Duration> phases, Duration from, Duration until) {
    List<Instant> checkedAt = new ArrayList<>(Collections.nCopies(12, LAST));
    List<Instant> runs = new ArrayList<>();
    for (Duration phase : phases) {
      for (Instant run = LAST.plus(phase); run.isBefore(LAST.plus(until)); ) {
        runs.add(run);
        run = run.plus(INTERVAL);
      }
    }
    runs.sort(null);
    List<Instant> checks = new ArrayList<>();
    for (Instant run : runs) {
      var slice = ReconciliationSchedule.nextSlice(checkedAt, run, INTERVAL);
      if (slice.isPresent()) {
        checkedAt.set(slice.get().index(), run);
        if (!run.isBefore(LAST.plus(from))) {
          checks.add(run);
        }
      }
    }
    return checks;
  }
}
