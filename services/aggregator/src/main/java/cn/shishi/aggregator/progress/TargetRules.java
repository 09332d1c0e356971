package cn.shishi.aggregator.progress;

import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Regions;
import cn.shishi.contract.PlainText;
import cn.shishi.contract.report.Violation;
import cn.shishi.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target must be: a known region (2, 4 or 6 digits), a program and a kind of task of the
 * catalogue, one period (a year, or days from and to, at most five years), a quantity from 1 to a
 * trillion, and a note of plain text. Every fault is reported at once (422).
 */
public final class TargetRules {
  static final long MAX_QUANTITY = 1_000_000_000_000L;
  static final int MAX_NOTE = 500;
  private static final int MAX_DAYS = 5 * 366;

  private final Regions regions;
  private final CatalogRegistry catalog;

  public TargetRules(Regions regions, CatalogRegistry catalog) {
    this.regions = regions;
    this.catalog = catalog;
  }

  /** The key of the target the request sets; refuses a request that breaks a rule. */
  public TargetRepository.Key check(TargetRequest request) {
    if (request == null) {
      throw new InvalidRequestException("", "target.required");
    }
    List<Violation> errors = new ArrayList<>();
    String region = request.region();
    if (region == null
        || !region.matches("\\d{2}|\\d{4}|\\d{6}")
        || regions.find(region).isEmpty()) {
      errors.add(new Violation("/region", "target.region"));
    }
    if (request.program() == null
        || catalog.find(CatalogKind.PROGRAM, request.program()).isEmpty()) {
      errors.add(new Violation("/program", "target.program"));
    }
    if (request.taskType() == null
        || catalog.find(CatalogKind.TASK_TYPE, request.taskType()).isEmpty()) {
      errors.add(new Violation("/taskType", "target.taskType"));
    }
    LocalDate[] period = period(request, errors);
    if (request.quantity() == null || request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
      errors.add(new Violation("/quantity", "target.quantity"));
    }
    if (request.note() != null
        && (PlainText.length(request.note()) > MAX_NOTE
            || !PlainText.isPlainText(request.note()))) {
      errors.add(new Violation("/note", "target.note", MAX_NOTE));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new TargetRepository.Key(
        region, request.program(), request.taskType(), period[0], period[1]);
  }

  private static LocalDate[] period(TargetRequest request, List<Violation> errors) {
    boolean days = request.from() != null || request.to() != null;
    if (request.year() != null && !days) {
      if (request.year() < 2000 || request.year() > 2100) {
        errors.add(new Violation("/year", "target.year"));
        return new LocalDate[2];
      }
      return new LocalDate[] {
        LocalDate.of(request.year(), 1, 1), LocalDate.of(request.year(), 12, 31)
      };
    }
    if (request.year() != null || request.from() == null || request.to() == null) {
      errors.add(new Violation("/year", "target.period"));
      return new LocalDate[2];
    }
    try {
      LocalDate from = LocalDate.parse(request.from());
      LocalDate to = LocalDate.parse(request.to());
      if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
        errors.add(new Violation("/to", "target.period"));
      }
      return new LocalDate[] {from, to};
    } catch (DateTimeParseException e) {
      errors.add(new Violation(request.from() == null ? "/to" : "/from", "target.period"));
      return new LocalDate[2];
    }
  }
}
