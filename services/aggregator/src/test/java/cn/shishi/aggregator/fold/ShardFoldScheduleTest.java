package cn.shishi.aggregator.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
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

  @Test
  void aDayThatFailsIsLeftForTheNextRunAndTheRestFolded() {
    CountingFold fold = new CountingFold(LocalDate.parse("2026-12-01"));

    int cells = new ShardFoldSchedule(fold, Clock.systemUTC(), 3).foldWindow(TODAY);

    assertThat(fold.visited)
        .containsExactly(
            LocalDate.parse("2026-12-02"),
            LocalDate.parse("2026-12-01"),
            LocalDate.parse("2026-11-30"),
            LocalDate.parse("2026-11-01"));
    assertThat(cells).as("two days, the month and the all-time totals").isEqualTo(4);
  }
}
