package cn.shishi.contract.report;

import cn.shishi.catalog.Regions;
import cn.shishi.contract.EventConstraints;
import cn.shishi.contract.PlainText;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
  /**
   * The offsets clocks use somewhere (UTC−12:00 to UTC+14:00). Java reads up to ±18:00 and
   * PostgreSQL up to ±15:59: an offset outside the first range is a client's mistake (minutes sent
   * as hours), refused here rather than counted at a wrong instant.
   */
  private static final int EARLIEST_OFFSET_SECONDS = -12 * 3600;

  private static final int LATEST_OFFSET_SECONDS = 14 * 3600;

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final int MAX_QUANTITY = EventConstraints.MAX_QUANTITY;
  static final int MAX_BENEFICIARIES = EventConstraints.MAX_BENEFICIARIES;
  static final int MAX_NOTE_LENGTH = EventConstraints.MAX_NOTE_LENGTH;

  /** How much longer than stored text may be as sent, decomposed: see {@link #text}. */
  static final int RAW_LENGTH_FACTOR = 4;

  private final Catalog catalog;
  private final Clock clock;
  private final LocalDate earliestCompletedOn;
  private final Duration maxClockSkew;
  // Per report, comparing instants is what costs least (the zone and the duration's general
  // arithmetic were 4 % of the ingest's CPU under B1): the campaign's first instant in China, and
  // the skew in the two parts Instant adds directly.
  private final Instant earliestCompletion;
  private final long maxClockSkewSeconds;
  private final long maxClockSkewNanos;

  public ReportValidator(
      Catalog catalog, Clock clock, LocalDate earliestCompletedOn, Duration maxClockSkew) {
    this.catalog = catalog;
    this.clock = clock;
    this.earliestCompletedOn = earliestCompletedOn;
    this.maxClockSkew = maxClockSkew;
    this.earliestCompletion = earliestCompletedOn.atStartOfDay(CHINA).toInstant();
    this.maxClockSkewSeconds = maxClockSkew.getSeconds();
    this.maxClockSkewNanos = maxClockSkew.getNano();
  }

  /**
   * Validates {@code report}, whose JSON pointer is {@code at} ("" for a body that is the report,
   * "/reports/3" for a batch item).
   */
  public Validated validate(ReportSubmission report, String at) {
    if (report == null) {
      return Validated.invalid(List.of(new Violation(at, "report.required")));
    }
    // Pointers are built only for what is wrong: most reports are valid.
    List<Violation> violations = new ArrayList<>();
    if (report.reportId() == null) {
      violations.add(new Violation(at + "/reportId", "report.reportId.required"));
    }
    checkRegion(report.regionCode(), at, violations);
    checkCode(report.program(), catalog::programExists, "program", at, violations);
    checkCode(report.taskType(), catalog::taskTypeExists, "taskType", at, violations);
    checkRange(report.quantity(), 1, MAX_QUANTITY, at, "/quantity", violations);
    checkRange(report.beneficiaries(), 0, MAX_BENEFICIARIES, at, "/beneficiaries", violations);
    checkCompletedAt(report.completedAt(), at, violations);
    String note = text(report.note(), MAX_NOTE_LENGTH, at + "/note", violations);
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
   * Free text a person wrote, in NFC, or null with a violation: at most {@code max} characters
   * after NFC, and {@link PlainText} throughout. The length as sent is bounded before normalising,
   * whose cost grows with it: decomposed text (an {@code e} and its accent) may be up to {@link
   * #RAW_LENGTH_FACTOR} times as long as it will be stored.
   */
  public static String text(String raw, int max, String pointer, List<Violation> violations) {
    if (raw == null) {
      return null;
    }
    if (raw.length() > (long) max * RAW_LENGTH_FACTOR) {
      violations.add(new Violation(pointer, "text.too-long", max));
      return null;
    }
    String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (!PlainText.isPlainText(normalised)) {
      violations.add(new Violation(pointer, "text.not-plain"));
      return null;
    }
    if (PlainText.length(normalised) > max) {
      violations.add(new Violation(pointer, "text.too-long", max));
      return null;
    }
    return normalised;
  }

  private void checkRegion(String code, String at, List<Violation> violations) {
    if (code == null) {
      violations.add(new Violation(at + "/regionCode", "field.required"));
    } else if (!Regions.isSixDigits(code)) {
      violations.add(new Violation(at + "/regionCode", "report.regionCode.format"));
    } else if (!catalog.regionExists(code)) {
      violations.add(new Violation(at + "/regionCode", "report.regionCode.unknown", code));
    }
  }

  private static void checkCode(
      String code,
      java.util.function.Predicate<String> exists,
      String field,
      String at,
      List<Violation> violations) {
    if (code == null) {
      violations.add(new Violation(at + "/" + field, "field.required"));
    } else if (!exists.test(code)) {
      violations.add(new Violation(at + "/" + field, "report." + field + ".unknown", code));
    }
  }

  private static void checkRange(
      Integer value, int min, int max, String at, String field, List<Violation> violations) {
    if (value != null && (value < min || value > max)) {
      violations.add(new Violation(at + field, "number.between", min, max));
    }
  }

  private void checkCompletedAt(OffsetDateTime completedAt, String at, List<Violation> violations) {
    if (completedAt == null) {
      violations.add(new Violation(at + "/completedAt", "report.completedAt.required"));
      return;
    }
    int offset = completedAt.getOffset().getTotalSeconds();
    if (offset < EARLIEST_OFFSET_SECONDS || offset > LATEST_OFFSET_SECONDS) {
      violations.add(
          new Violation(at + "/completedAt", "report.completedAt.offset", completedAt.getOffset()));
    }
    Instant completion = completedAt.toInstant();
    Instant latest = clock.instant().plusSeconds(maxClockSkewSeconds).plusNanos(maxClockSkewNanos);
    if (completion.isAfter(latest)) {
      violations.add(
          new Violation(
              at + "/completedAt", "report.completedAt.future", maxClockSkew.toMinutes()));
    }
    // Before the campaign's first day in China exactly when before that day's first instant.
    if (completion.isBefore(earliestCompletion)) {
      violations.add(
          new Violation(
              at + "/completedAt",
              "report.completedAt.before-campaign",
              earliestCompletedOn.toString()));
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
