package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.domain.TotalsQuery;
import cn.shishi.aggregator.domain.TotalsQuery.Dimension;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Turns the query string of {@code /totals} into a {@link TotalsQuery}, or a 422. */
final class TotalsQueryParser {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private TotalsQueryParser() {}

  static TotalsQuery parse(
      String province,
      String city,
      String county,
      String program,
      String taskType,
      String from,
      String to,
      List<String> groupBy,
      Integer limit,
      Integer offset) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Optional<String> p = code(province, "\\d{2}", "province", errors);
    Optional<String> c = code(city, "\\d{4}", "city", errors);
    Optional<String> k = code(county, "\\d{6}", "county", errors);
    Optional<String> prog = QueryParams.catalogCode(program, "program", errors);
    Optional<String> task = QueryParams.catalogCode(taskType, "taskType", errors);
    QueryParams.DayRange days = QueryParams.days(from, to, errors);
    List<Dimension> dimensions = dimensions(groupBy, errors);
    int pageSize = limit == null ? DEFAULT_LIMIT : limit;
    if (pageSize < 1 || pageSize > MAX_LIMIT) {
      errors.add(new Problem.FieldError("/limit", "must be between 1 and " + MAX_LIMIT));
    }
    int skip = offset == null ? 0 : offset;
    if (skip < 0) {
      errors.add(new Problem.FieldError("/offset", "must not be negative"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new TotalsQuery(p, c, k, prog, task, days.from(), days.to(), dimensions, pageSize, skip);
  }

  private static Optional<String> code(
      String value, String pattern, String name, List<Problem.FieldError> errors) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (!value.matches(pattern)) {
      errors.add(new Problem.FieldError("/" + name, "must match " + pattern));
    }
    return Optional.of(value);
  }

  private static List<Dimension> dimensions(List<String> groupBy, List<Problem.FieldError> errors) {
    List<Dimension> dimensions = new ArrayList<>();
    if (groupBy == null) {
      return dimensions;
    }
    groupBy.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .forEach(
            name ->
                Dimension.ofApiName(name)
                    .ifPresentOrElse(
                        dimension -> {
                          if (!dimensions.contains(dimension)) {
                            dimensions.add(dimension);
                          }
                        },
                        () ->
                            errors.add(
                                new Problem.FieldError(
                                    "/groupBy",
                                    "unknown dimension '"
                                        + name
                                        + "'; one of province, city, county, program, taskType,"
                                        + " day, month"))));
    return dimensions;
  }
}
