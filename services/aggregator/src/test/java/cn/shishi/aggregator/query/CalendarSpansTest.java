package cn.shishi.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.query.CalendarSpans.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalendarSpansTest {

  @Test
  void aWholeYearIsTwelveMonthsAndNoDays() {
    assertThat(CalendarSpans.of(day("2022-01-01"), day("2022-12-31")))
        .containsExactly(months("2022-01-01", "2022-12-01"));
  }

  @Test
  void partMonthsAtEitherEndAreDays() {
    assertThat(CalendarSpans.of(day("2022-01-15"), day("2022-04-10")))
        .containsExactly(
            days("2022-01-15", "2022-01-31"),
            months("2022-02-01", "2022-03-01"),
            days("2022-04-01", "2022-04-10"));
  }

  @Test
  void aRangeInsideOneMonthIsDaysOnly() {
    assertThat(CalendarSpans.of(day("2022-03-02"), day("2022-03-30")))
        .containsExactly(days("2022-03-02", "2022-03-30"));
    assertThat(CalendarSpans.of(day("2022-03-15"), day("2022-04-14")))
        .containsExactly(days("2022-03-15", "2022-04-14"));
  }

  @Test
  void monthEndsAreFoundInShortMonthsAndLeapYears() {
    assertThat(CalendarSpans.of(day("2024-02-01"), day("2024-02-29")))
        .containsExactly(months("2024-02-01", "2024-02-01"));
    assertThat(CalendarSpans.of(day("2023-02-01"), day("2023-02-28")))
        .containsExactly(months("2023-02-01", "2023-02-01"));
    assertThat(CalendarSpans.of(day("2024-02-01"), day("2024-02-28")))
        .containsExactly(days("2024-02-01", "2024-02-28"));
  }

  @Test
  void openEndsStayOpen() {
    assertThat(CalendarSpans.of(Optional.empty(), Optional.empty()))
        .containsExactly(new Span(true, Optional.empty(), Optional.empty()));
    assertThat(CalendarSpans.of(day("2022-01-10"), Optional.empty()))
        .containsExactly(
            days("2022-01-10", "2022-01-31"), new Span(true, day("2022-02-01"), Optional.empty()));
    assertThat(CalendarSpans.of(Optional.empty(), day("2022-01-10")))
        .containsExactly(
            new Span(true, Optional.empty(), day("2021-12-01")), days("2022-01-01", "2022-01-10"));
  }

  @Test
  void everyDayOfTheRangeIsInExactlyOneSpan() {
    LocalDate from = LocalDate.parse("2021-11-17");
    LocalDate to = LocalDate.parse("2023-03-03");
    List<Span> spans = CalendarSpans.of(Optional.of(from), Optional.of(to));
    for (LocalDate d = from.minusDays(40); d.isBefore(to.plusDays(40)); d = d.plusDays(1)) {
      LocalDate at = d;
      long covering = spans.stream().filter(span -> covers(span, at)).count();
      assertThat(covering).as(d.toString()).isEqualTo(d.isBefore(from) || d.isAfter(to) ? 0 : 1);
    }
  }

  private static boolean covers(Span span, LocalDate day) {
    LocalDate key = span.months() ? day.withDayOfMonth(1) : day;
    return span.from().map(f -> !key.isBefore(f)).orElse(true)
        && span.to().map(t -> !key.isAfter(t)).orElse(true);
  }

  private static Optional<LocalDate> day(String text) {
    return Optional.of(LocalDate.parse(text));
  }

  private static Span days(String from, String to) {
    return new Span(false, day(from), day(to));
  }

  private static Span months(String from, String to) {
    return new Span(true, day(from), day(to));
  }
}
