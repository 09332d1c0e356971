package cn.shishi.aggregator.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a range of days into the parts the month cells can answer (whole calendar months) and the
 * parts only day cells can (the days before the first whole month and after the last). Open ends
 * stay open. Summing the parts gives the same totals as summing every day of the range.
 */
public final class CalendarSpans {
  private CalendarSpans() {}

  /**
   * A part of the range: whole months, {@code from} and {@code to} being first days of months, or
   * days; an empty bound is open.
   */
  public record Span(boolean months, Optional<LocalDate> from, Optional<LocalDate> to) {
    static Span days(Optional<LocalDate> from, Optional<LocalDate> to) {
      return new Span(false, from, to);
    }
  }

  public static List<Span> of(Optional<LocalDate> from, Optional<LocalDate> to) {
    Optional<LocalDate> firstMonth = from.map(CalendarSpans::firstWholeMonth);
    Optional<LocalDate> lastMonth = to.map(CalendarSpans::lastWholeMonth);
    if (firstMonth.isPresent()
        && lastMonth.isPresent()
        && firstMonth.get().isAfter(lastMonth.get())) {
      return List.of(Span.days(from, to));
    }
    List<Span> spans = new ArrayList<>();
    if (from.isPresent() && from.get().isBefore(firstMonth.get())) {
      spans.add(Span.days(from, Optional.of(firstMonth.get().minusDays(1))));
    }
    spans.add(new Span(true, firstMonth, lastMonth));
    if (to.isPresent() && to.get().isAfter(lastMonth.get().plusMonths(1).minusDays(1))) {
      spans.add(Span.days(Optional.of(to.get().withDayOfMonth(1)), to));
    }
    return spans;
  }

  /** The first day of the first month that starts on or after {@code day}. */
  private static LocalDate firstWholeMonth(LocalDate day) {
    return day.getDayOfMonth() == 1 ? day : day.withDayOfMonth(1).plusMonths(1);
  }

  /** The first day of the last month that ends on or before {@code day}. */
  private static LocalDate lastWholeMonth(LocalDate day) {
    return day.plusDays(1).getDayOfMonth() == 1
        ? day.withDayOfMonth(1)
        : day.withDayOfMonth(1).minusMonths(1);
  }
}
