package cn.shishi.aggregator.fold;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.jdbc.SharedRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

  /** Grants every claim of a run, or none, as another instance had just folded. */
  private static final class Runs extends SharedRuns {
    private final boolean granted;
    private final List<Duration> gaps = new ArrayList<>();

    Runs(boolean granted) {
      super(null);
      this.granted = granted;
    }

    @Override
    public boolean claim(String task, Duration gap) {
      gaps.add(gap);
      return granted;
    }
  }

  @Test
  void aDayThatFailsIsLeftForTheNextRunAndTheRestFolded() {
    CountingFold fold = new CountingFold(LocalDate.parse("2026-12-01"));

    int cells = schedule(fold, new Runs(true)).foldWindow(TODAY);

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
    Runs runs = new Runs(false);

    schedule(fold, runs).run();

    assertThat(runs.gaps).containsExactly(Duration.ofMinutes(30));
    assertThat(fold.visited).isEmpty();
  }

  @Test
  void aRunThisInstanceClaimsFoldsItsWindow() {
    CountingFold fold = new CountingFold(null);

    schedule(fold, new Runs(true)).run();

    assertThat(fold.visited).as("three days and the month the third ends").hasSize(4);
  }

  /** Three days a run, every hour, on {@link #TODAY} in China. */
  private static ShardFoldSchedule schedule(ShardFold fold, SharedRuns runs) {
    Clock today = Clock.fixed(Instant.parse("2026-12-04T04:00:00Z"), ZoneOffset.UTC);
    return new ShardFoldSchedule(fold, runs, today, 3, Duration.ofHours(1));
  }
}
