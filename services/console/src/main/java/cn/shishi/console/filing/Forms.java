package cn.shishi.console.filing;

import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns the posted form into the report the ingest takes, or says which fields cannot even be read
 * (a quantity that is no whole number, a date that is no date). Everything else (a code that does
 * not exist, a date in the future, a region outside the office's) is the ingest's to judge: its
 * answer comes back in the person's language and is shown beside the fields.
 */
public final class Forms {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Forms() {}

  /** The form read as a report, or the fields that could not be read (field name to text). */
  public static Read read(ReportForm form, ConsoleMessages messages) {
    Map<String, String> errors = new LinkedHashMap<>();
    UUID reportId = uuid(form.reportId);
    if (reportId == null) {
      // Only a tampered form lacks one: a fresh id files it once from here on.
      reportId = UUID.randomUUID();
      form.reportId = reportId.toString();
    }
    Integer quantity = wholeNumber(form.quantity, "quantity", errors, messages);
    Integer beneficiaries = wholeNumber(form.beneficiaries, "beneficiaries", errors, messages);
    OffsetDateTime completedAt = completedAt(form, errors, messages);
    ReportSubmission report =
        new ReportSubmission(
            reportId,
            blankToNull(form.regionCode),
            blankToNull(form.program),
            blankToNull(form.taskType),
            quantity,
            beneficiaries,
            completedAt,
            blankToNull(form.note));
    return new Read(report, errors);
  }

  /** The report, and the fields that could not be read; empty when it can be sent. */
  public record Read(ReportSubmission report, Map<String, String> errors) {}

  /**
   * A UUID written out in full (8-4-4-4-12 hexadecimal digits), or null. {@link UUID#fromString}
   * alone would read a group cut short, {@code …-f7bb74931a4}, as another id.
   */
  public static UUID uuid(String text) {
    if (text == null || !UUID_TEXT.matcher(text.strip()).matches()) {
      return null;
    }
    return UUID.fromString(text.strip());
  }

  private static Integer wholeNumber(
      String text, String field, Map<String, String> errors, ConsoleMessages messages) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      errors.put(field, messages.error_whole_number());
      return null;
    }
  }

  private static OffsetDateTime completedAt(
      ReportForm form, Map<String, String> errors, ConsoleMessages messages) {
    if (form.completedOn == null || form.completedOn.isBlank()) {
      errors.put("completedAt", messages.error_date_required());
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(form.completedOn.trim());
      LocalTime time =
          form.completedTime == null || form.completedTime.isBlank()
              ? LocalTime.NOON
              : LocalTime.parse(form.completedTime.trim());
      return day.atTime(time).atZone(ReportValidator.CHINA).toOffsetDateTime();
    } catch (DateTimeException e) {
      errors.put("completedAt", messages.error_date());
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
