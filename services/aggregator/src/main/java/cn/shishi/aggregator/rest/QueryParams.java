package cn.shishi.aggregator.rest;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.web.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters the totals and the ledger share, read the same way: an absent or empty value
 * is no filter, a malformed one an error at {@code /name}, all errors reported together.
 */
final class QueryParams {
  private QueryParams() {}

  static Optional<String> catalogCode(String value, String name, List<Problem.FieldError> errors) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (!CatalogEntry.isValidCode(value)) {
      errors.add(new Problem.FieldError("/" + name, "is not a catalogue code"));
    }
    return Optional.of(value);
  }

  /** The range's days; a {@code from} after {@code to} is an error too. */
  static DayRange days(String from, String to, List<Problem.FieldError> errors) {
    Optional<LocalDate> first = date(from, "from", errors);
    Optional<LocalDate> last = date(to, "to", errors);
    if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
      errors.add(new Problem.FieldError("/from", "lies after 'to'"));
    }
    return new DayRange(first, last);
  }

  private static Optional<LocalDate> date(
      String value, String name, List<Problem.FieldError> errors) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError("/" + name, "must be a date, YYYY-MM-DD"));
      return Optional.empty();
    }
  }

  /** A range of days, either end open. */
  record DayRange(Optional<LocalDate> from, Optional<LocalDate> to) {}
}
