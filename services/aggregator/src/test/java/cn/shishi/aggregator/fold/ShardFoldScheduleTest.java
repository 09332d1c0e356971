package cn.shishi.aggregator.fold;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.jdbc.SharedRuns;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardFoldScheduleTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-04");

  /** Folds one cell a day and a month, except on {@code failing}, where the statement fails. */
  private static final class CountingFold extends ShardFold {
    private final LocalDate failing;
    private final List<LocalDate> visited = new ArrayList<>();

    CountingFold(LocalDate failing) {
      super(null, null);
      this.failing = failing;
    }

    @Override
    public int foldDay(LocalDate day) {
      return fold(day);
    }

    @Override
    public int foldMonth(LocalDate month) {
      return fold(month);
    }

    @Override
    public int foldProvinceTotals() {
      return 1;
    }

    private int fold(LocalDate date) {
      visited.add(date);
      if (date.equals(failing)) {
        throw new IllegalStateException("canceling statement due to statement timeout");
      }
      return 1;
    }
  }

  /**
   * Grants every claim of a run, started at {@code granted} by the database's clock, or none
   * (empty), as another instance had just folded.
   */
  private static final class Runs extends SharedRuns {
    private final Optional<Instant> granted;
    private final List<Duration> gaps = new ArrayList<>();

    Runs(Optional<Instant> granted) {
      super(null);
      this.granted = granted;
    }

    @Override
    public Optional<Instant> claim(String task, Duration gap) {
      gaps.add(gap);
      return granted;
    }
  }

  @Test
  void aDayThatFailsIsLeftForTheNextRunAndTheRestFolded() {
    CountingFold fold = new CountingFold(LocalDate.parse("2026-12-01"));

    int cells = schedule(fold, null).foldWindow(TODAY);

    assertThat(fold.visited)
        .containsExactly(
            LocalDate.parse("2026-12-02"),
            LocalDate.parse("2026-12-01"),
            LocalDate.parse("2026-11-30"),
            LocalDate.parse("2026-11-01"));
    assertThat(cells).as("two days, the month and the all-time totals").isEqualTo(4);
  }

  @Test
  void aRunClaimedByAnotherInstanceWithinHalfAnIntervalFoldsNothing() {
    CountingFold fold = new CountingFold(null);
    Runs runs = new Runs(Optional.empty());

    schedule(fold, runs).run();

    assertThat(runs.gaps).containsExactly(Duration.ofMinutes(30));
    assertThat(fold.visited).isEmpty();
  }

  @Test
  void aRunThisInstanceClaimsFoldsTheWindowOfChinasDayOnTheDatabasesClock() {
    CountingFold fold = new CountingFold(null);
    // 01:00 on 2026-12-03 in China, still 2026-12-02 by UTC: the instance's clock plays no part.
    Instant claimed = Instant.parse("2026-12-02T17:00:00Z");

    schedule(fold, new Runs(Optional.of(claimed))).run();

    assertThat(fold.visited)
        .as("three days from the day before yesterday in China, and the month the third ends")
        .containsExactly(
            LocalDate.parse("2026-12-01"),
            LocalDate.parse("2026-11-30"),
            LocalDate.parse("2026-11-29"),
            LocalDate.parse("2026-11-01"));
  }

  /** Three days a run, every hour; {@code runs} null where the test folds a window itself. */
  private static ShardFoldSchedule schedule(ShardFold fold, SharedRuns runs) {
    return new ShardFoldSchedule(fold, runs, 3, Duration.ofHours(1));
  }
}
