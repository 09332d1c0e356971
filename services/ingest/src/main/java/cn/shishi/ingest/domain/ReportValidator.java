package cn.shishi.ingest.domain;

import cn.shishi.catalog.Regions;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's rules for one report (docs/api.md). Pure: it reads the catalogue and the clock and
 * returns every violation it finds, so that an office fixes a report in one round trip.
 */
public final class ReportValidator {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final int MAX_QUANTITY = 100_000;
  static final int MAX_BENEFICIARIES = 10_000_000;
  static final int MAX_NOTE_LENGTH = 500;

  private final Catalog catalog;
  private final Clock clock;
  private final LocalDate earliestCompletedOn;
  private final Duration maxClockSkew;

  public ReportValidator(
      Catalog catalog, Clock clock, LocalDate earliestCompletedOn, Duration maxClockSkew) {
    this.catalog = catalog;
    this.clock = clock;
    this.earliestCompletedOn = earliestCompletedOn;
    this.maxClockSkew = maxClockSkew;
  }

  /**
   * Validates {@code report}, whose JSON pointer is {@code at} ("" for a body that is the report,
   * "/reports/3" for a batch item).
   */
  public Validated validate(ReportSubmission report, String at) {
    if (report == null) {
      return Validated.invalid(List.of(new Violation(at, "a report object is required")));
    }
    // Pointers are built only for what is wrong: most reports are valid.
    List<Violation> violations = new ArrayList<>();
    if (report.reportId() == null) {
      violations.add(new Violation(at + "/reportId", "is required (a UUID the office makes)"));
    }
    checkRegion(report.regionCode(), at, violations);
    checkCode(report.program(), catalog::programExists, "program", at, "/program", violations);
    checkCode(report.taskType(), catalog::taskTypeExists, "task type", at, "/taskType", violations);
    checkRange(report.quantity(), 1, MAX_QUANTITY, at, "/quantity", violations);
    checkRange(report.beneficiaries(), 0, MAX_BENEFICIARIES, at, "/beneficiaries", violations);
    checkCompletedAt(report.completedAt(), at, violations);
    String note =
        report.note() == null ? null : Normalizer.normalize(report.note(), Normalizer.Form.NFC);
    if (note != null && !isPlainText(note)) {
      violations.add(
          new Violation(at + "/note", "must be text: no control characters or lone surrogates"));
    } else if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE_LENGTH) {
      violations.add(new Violation(at + "/note", "must be at most 500 characters"));
    }
    if (!violations.isEmpty()) {
      return Validated.invalid(violations);
    }
    return Validated.valid(
        new ValidReport(
            report.reportId(),
            report.regionCode(),
            report.program(),
            report.taskType(),
            report.quantity() == null ? 1 : report.quantity(),
            report.beneficiaries() == null ? 0 : report.beneficiaries(),
            report.completedAt(),
            note));
  }

  /**
   * Text a person wrote: line breaks and tabs are fine, other control characters (NUL among them)
   * and unpaired surrogates, which no encoding can store faithfully, are not.
   */
  static boolean isPlainText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)
          || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        return false;
      }
    }
    return true;
  }

  private void checkRegion(String code, String at, List<Violation> violations) {
    if (code == null) {
      violations.add(new Violation(at + "/regionCode", "is required"));
    } else if (!Regions.isSixDigits(code)) {
      violations.add(
          new Violation(at + "/regionCode", "must be a 6-digit GB/T 2260 code, e.g. 330281"));
    } else if (!catalog.regionExists(code)) {
      violations.add(new Violation(at + "/regionCode", "no region has the code " + code));
    }
  }

  private static void checkCode(
      String code,
      java.util.function.Predicate<String> exists,
      String what,
      String at,
      String field,
      List<Violation> violations) {
    if (code == null) {
      violations.add(new Violation(at + field, "is required"));
    } else if (!exists.test(code)) {
      violations.add(
          new Violation(
              at + field, "unknown " + what + " '" + code + "'; see GET /api/v1/catalog"));
    }
  }

  private static void checkRange(
      Integer value, int min, int max, String at, String field, List<Violation> violations) {
    if (value != null && (value < min || value > max)) {
      violations.add(new Violation(at + field, "must be between " + min + " and " + max));
    }
  }

  private void checkCompletedAt(OffsetDateTime completedAt, String at, List<Violation> violations) {
    if (completedAt == null) {
      violations.add(new Violation(at + "/completedAt", "is required (RFC 3339 with an offset)"));
      return;
    }
    if (completedAt.toInstant().isAfter(clock.instant().plus(maxClockSkew))) {
      violations.add(
          new Violation(
              at + "/completedAt",
              "lies more than " + maxClockSkew.toMinutes() + " minutes ahead"));
    }
    if (completedAt.atZoneSameInstant(CHINA).toLocalDate().isBefore(earliestCompletedOn)) {
      violations.add(
          new Violation(
              at + "/completedAt", "lies before the campaign's start, " + earliestCompletedOn));
    }
  }

  /** The outcome: a valid report, or the violations. */
  public record Validated(ValidReport report, List<Violation> violations) {
    static Validated valid(ValidReport report) {
      return new Validated(report, List.of());
    }

    static Validated invalid(List<Violation> violations) {
      return new Validated(null, List.copyOf(violations));
    }

    public boolean isValid() {
      return violations.isEmpty();
    }
  }
}
