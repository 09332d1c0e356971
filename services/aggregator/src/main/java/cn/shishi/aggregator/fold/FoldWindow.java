package cn.shishi.aggregator.fold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days and months a fold visits on {@code today} (China time): the {@code days} days up to
 * the day before yesterday, newest first (yesterday's and today's cells are still written by every
 * batch, and a fold of them would be undone within the minute), and the months those days end,
 * newest first.
 */
public record FoldWindow(List<LocalDate> days, List<LocalDate> months) {

  public static FoldWindow of(LocalDate today, int days) {
    LocalDate newest = today.minusDays(2);
    List<LocalDate> dayList = new ArrayList<>(days);
    List<LocalDate> monthList = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      LocalDate day = newest.minusDays(i);
      dayList.add(day);
      boolean lastOfItsMonth = day.plusDays(1).getDayOfMonth() == 1;
      if (lastOfItsMonth) {
        monthList.add(day.withDayOfMonth(1));
      }
    }
    return new FoldWindow(List.copyOf(dayList), List.copyOf(monthList));
  }
}
