package cn.shishi.aggregator.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FoldWindowTest {
  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void itEndsTheDayBeforeYesterdayAndFoldsTheMonthsItsDaysEnd() {
    FoldWindow window = FoldWindow.of(day("2026-12-04"), 3);

    assertThat(window.days())
        .containsExactly(day("2026-12-02"), day("2026-12-01"), day("2026-11-30"));
    assertThat(window.months()).containsExactly(day("2026-11-01"));
  }

  @Test
  void aMonthWhoseLastDayIsNotInTheWindowIsLeftForLater() {
    FoldWindow window = FoldWindow.of(day("2026-12-04"), 2);

    assertThat(window.days()).containsExactly(day("2026-12-02"), day("2026-12-01"));
    assertThat(window.months()).isEmpty();
  }

  @Test
  void februaryEndsOnItsOwnLastDay() {
    assertThat(FoldWindow.of(day("2024-03-02"), 1).months()).containsExactly(day("2024-02-01"));
    assertThat(FoldWindow.of(day("2026-03-02"), 1).days()).containsExactly(day("2026-02-28"));
    assertThat(FoldWindow.of(day("2026-03-02"), 1).months()).containsExactly(day("2026-02-01"));
  }
}
