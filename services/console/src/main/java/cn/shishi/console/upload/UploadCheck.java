package cn.shishi.console.upload;

import cn.shishi.console.session.Person;
import cn.shishi.contract.Messages;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.contract.report.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks every row of an uploaded sheet against the rules the ingest applies (the contract's {@link
 * ReportValidator}, the same catalogue, and the office's own region), and makes each row's report.
 * A row's report id derives from the office, the file's content and the row's number: the same file
 * uploaded again files the same reports, which are counted once.
 */
public final class UploadCheck {
  private static final Pattern CODE_IN_BRACKETS =
      Pattern.compile(".*[(（]\\s*([A-Za-z0-9-]+)\\s*[)）]\\s*");
  // Strict: 2026-02-30 is no date, not the 28th.
  private static final List<DateTimeFormatter> DAYS =
      Stream.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日")
          .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
          .toList();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);

  private final ReportValidator validator;
  private final Locale locale;
  private final Texts texts;

  /** The console's own texts for what only a spreadsheet can get wrong. */
  public interface Texts {
    String wholeNumber();

    String date();

    String time();

    /** A completion date left empty (the API's text names RFC 3339, which clerks never type). */
    String dateRequired();

    /** A code the catalogue does not know (the API's text sends the reader to an endpoint). */
    String unknownCode(String code);
  }

  public UploadCheck(ReportValidator validator, Locale locale, Texts texts) {
    this.validator = validator;
    this.locale = locale;
    this.texts = texts;
  }

  public Checked check(Sheet sheet, Person person, byte[] content) throws SheetRefusedException {
    List<Column> missing = new ArrayList<>();
    Map<Column, Integer> columns = Column.locate(sheet.header(), missing);
    if (!missing.isEmpty()) {
      throw new SheetRefusedException(
          SheetRefusedException.Reason.MISSING_COLUMNS,
          String.join(
              Locale.ENGLISH.equals(locale) ? ", " : "、",
              missing.stream().map(column -> column.header(locale)).toList()));
    }
    String digest = Digests.sha256(content);
    List<ReportSubmission> reports = new ArrayList<>(sheet.rows().size());
    List<RowError> errors = new ArrayList<>();
    for (Sheet.Row row : sheet.rows()) {
      ReportSubmission report = report(row, columns, person, digest, errors);
      if (report != null) {
        reports.add(report);
      }
    }
    return new Checked(reports, errors);
  }

  private ReportSubmission report(
      Sheet.Row row,
      Map<Column, Integer> columns,
      Person person,
      String digest,
      List<RowError> errors) {
    int before = errors.size();
    Integer quantity = whole(row, columns, Column.QUANTITY, errors);
    Integer beneficiaries = whole(row, columns, Column.BENEFICIARIES, errors);
    int beforeDate = errors.size();
    OffsetDateTime completedAt = completedAt(row, columns, errors);
    // A date the console could not read is said once, not again as missing.
    boolean dateUnreadable = errors.size() > beforeDate;
    String region = code(cell(row, columns, Column.REGION));
    ReportSubmission report =
        new ReportSubmission(
            rowId(person.office(), digest, row.number()),
            region,
            code(cell(row, columns, Column.PROGRAM)),
            code(cell(row, columns, Column.TASK_TYPE)),
            quantity,
            beneficiaries,
            completedAt,
            cell(row, columns, Column.NOTE));
    boolean regionRefused = false;
    for (Violation violation : validator.validate(report, "").violations()) {
      Column column = Column.ofPointer(violation.pointer()).orElse(Column.NOTE);
      if (column == Column.COMPLETED_ON && dateUnreadable) {
        continue;
      }
      regionRefused |= column == Column.REGION;
      errors.add(error(row, column, text(violation)));
    }
    // One message a cell: a code no region has is not also outside the office's region.
    if (!regionRefused && region != null && region.length() == 6 && !person.covers(region)) {
      errors.add(
          error(row, Column.REGION, Messages.text(locale, "region.outside", person.region())));
    }
    return errors.size() == before ? report : null;
  }

  /** A violation as a clerk reads it: the console's words where the API's name its own terms. */
  private String text(Violation violation) {
    return switch (violation.key()) {
      case "report.completedAt.required" -> texts.dateRequired();
      case "report.program.unknown", "report.taskType.unknown" ->
          texts.unknownCode(String.valueOf(violation.args().get(0)));
      default -> Messages.text(locale, violation.key(), violation.args());
    };
  }

  /** The id of a row's report: the same office, file and row always give the same id. */
  public static UUID rowId(String office, String digest, int row) {
    return UUID.nameUUIDFromBytes(
        (office + "\n" + digest + "\n" + row).getBytes(StandardCharsets.UTF_8));
  }

  private Integer whole(
      Sheet.Row row, Map<Column, Integer> columns, Column column, List<RowError> errors) {
    String text = cell(row, columns, column);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.replace(",", "")).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      errors.add(error(row, column, texts.wholeNumber()));
      return null;
    }
  }

  private OffsetDateTime completedAt(
      Sheet.Row row, Map<Column, Integer> columns, List<RowError> errors) {
    String day = cell(row, columns, Column.COMPLETED_ON);
    if (day == null) {
      return null;
    }
    String time = cell(row, columns, Column.COMPLETED_TIME);
    String[] parts = day.split("[ T]", 2);
    LocalDate date = date(parts[0]);
    if (date == null) {
      errors.add(error(row, Column.COMPLETED_ON, texts.date()));
      return null;
    }
    String clock = time != null ? time : parts.length > 1 ? parts[1] : null;
    LocalTime at = LocalTime.NOON;
    if (clock != null) {
      try {
        at = LocalTime.parse(clock, TIME);
      } catch (DateTimeException e) {
        errors.add(error(row, Column.COMPLETED_TIME, texts.time()));
        return null;
      }
    }
    return LocalDateTime.of(date, at).atZone(ReportValidator.CHINA).toOffsetDateTime();
  }

  private static LocalDate date(String text) {
    for (DateTimeFormatter format : DAYS) {
      try {
        return LocalDate.parse(text, format);
      } catch (DateTimeException e) {
        // the next format
      }
    }
    return null;
  }

  /** A code, or a name followed by its code in brackets as the template's lists offer them. */
  static String code(String cell) {
    if (cell == null) {
      return null;
    }
    Matcher matcher = CODE_IN_BRACKETS.matcher(cell);
    return matcher.matches() ? matcher.group(1) : cell;
  }

  private static String cell(Sheet.Row row, Map<Column, Integer> columns, Column column) {
    Integer at = columns.get(column);
    String value = at == null ? "" : row.cell(at);
    return value.isEmpty() ? null : value;
  }

  private RowError error(Sheet.Row row, Column column, String message) {
    return new RowError(row.number(), column.header(locale), message);
  }

  /** One row's problem: its number in the file, the column, and what is wrong. */
  public record RowError(int row, String column, String message) {}

  /** The reports of the rows that passed, and the problems of those that did not. */
  public record Checked(List<ReportSubmission> reports, List<RowError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }
}
