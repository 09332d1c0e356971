package cn.shishi.console.upload;

import cn.shishi.console.ConsoleConfig;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.session.Person;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * An upload from file to filed reports: read the sheet, check every row, hold a file whose every
 * row passed until the person files it, then file it in the background.
 */
@ApplicationScoped
public class UploadService {
  static final int CHECKS_AT_ONCE = 2;

  /** A page lists this many of a file's problems; a file that has more is far off the template. */
  static final int ERRORS_SHOWN = 200;

  private final Catalogue catalogue;
  private final Uploads held;
  private final UploadFiler filer;
  private final ConsoleConfig config;
  private final Clock clock = Clock.systemUTC();
  private final Semaphore checking = new Semaphore(CHECKS_AT_ONCE);

  public UploadService(Catalogue catalogue, Uploads held, UploadFiler filer, ConsoleConfig config) {
    this.catalogue = catalogue;
    this.held = held;
    this.filer = filer;
    this.config = config;
  }

  /** The template with the drop-down lists of this person's regions and the catalogue. */
  public byte[] template(Person person, ConsoleMessages messages) {
    Catalogue.Snapshot entries = catalogue.entries(person);
    return TemplateWorkbook.build(
        catalogue.regionsOf(person),
        entries.programs(),
        entries.taskTypes(),
        List.of(
            messages.template_help_1(),
            messages.template_help_2(),
            messages.template_help_3(config.upload().maxRows()),
            messages.template_help_4(),
            messages.template_help_5()),
        config.upload().maxRows());
  }

  /** Reads and checks {@code file}; a file whose every row passed is held to be filed. */
  public Result check(Person person, Locale locale, ConsoleMessages messages, FileUpload file) {
    // Reading a sheet is the console's costliest work: two at a time, the others are told to wait.
    if (!checking.tryAcquire()) {
      return Result.refused(messages.busy_try_again());
    }
    try {
      return checkNow(person, locale, messages, file);
    } finally {
      checking.release();
    }
  }

  private Result checkNow(Person person, Locale locale, ConsoleMessages messages, FileUpload file) {
    if (file == null) {
      return Result.refused(messages.upload_refused_empty());
    }
    if (file.size() > config.upload().maxBytes()) {
      return Result.refused(
          messages.upload_refused_too_large(config.upload().maxBytes() / (1024 * 1024)));
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Catalogue.Snapshot entries = catalogue.entries(person);
    UploadCheck check =
        new UploadCheck(
            new ReportValidator(
                entries,
                clock,
                config.reports().earliestCompletedOn(),
                config.reports().maxClockSkew()),
            locale,
            new UploadCheck.Texts() {
              @Override
              public String wholeNumber() {
                return messages.error_whole_number();
              }

              @Override
              public String date() {
                return messages.error_date();
              }

              @Override
              public String time() {
                return messages.error_time();
              }

              @Override
              public String dateRequired() {
                return messages.error_date_required();
              }

              @Override
              public String unknownCode(String code) {
                return messages.upload_unknown_code(code);
              }
            });
    try {
      Sheet sheet = new SheetReader(config.upload().maxRows()).read(file.uploadedFile(), content);
      UploadCheck.Checked checked = check.check(sheet, person, content);
      if (!checked.valid()) {
        List<UploadCheck.RowError> errors = checked.errors();
        return new Result(
            null,
            errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN)),
            errors.size(),
            null,
            sheet.rows().size(),
            List.of());
      }
      if (checked.reports().isEmpty()) {
        return Result.refused(messages.upload_refused_empty());
      }
      Upload upload = held.hold(person.office(), file.fileName(), checked.reports());
      return new Result(
          upload,
          List.of(),
          0,
          null,
          checked.reports().size(),
          summary(checked.reports(), entries));
    } catch (SheetRefusedException e) {
      return Result.refused(Refusals.text(e, messages));
    }
  }

  public Optional<Upload> find(UUID id, Person person) {
    return held.find(id, person.office());
  }

  public void file(Upload upload, Person person, Locale locale, ConsoleMessages messages) {
    filer.start(upload, person, locale, messages);
  }

  /** Reports and quantity by task type (quantities of different task types are never added). */
  private static List<TypeTotal> summary(
      List<ReportSubmission> reports, Catalogue.Snapshot entries) {
    Map<String, TypeTotal> byType = new LinkedHashMap<>();
    for (ReportSubmission report : reports) {
      String name =
          entries.taskType(report.taskType()).map(e -> e.name()).orElse(report.taskType());
      byType.merge(
          name,
          new TypeTotal(
              name,
              entries.taskType(report.taskType()).map(e -> e.unit()).orElse(null),
              1,
              report.quantity() == null ? 1 : report.quantity(),
              report.beneficiaries() == null ? 0 : report.beneficiaries()),
          TypeTotal::plus);
    }
    return List.copyOf(byType.values());
  }

  /** One task type's rows in a file: how many, and the sums of their quantity and beneficiaries. */
  public record TypeTotal(
      String taskType, String unit, long reports, long quantity, long beneficiaries) {
    TypeTotal plus(TypeTotal other) {
      return new TypeTotal(
          taskType,
          unit,
          reports + other.reports,
          quantity + other.quantity,
          beneficiaries + other.beneficiaries);
    }
  }

  /**
   * What an upload came to: held to be filed ({@code upload}), or the rows' problems (the first
   * {@link #ERRORS_SHOWN} of {@code errorCount}), or a refusal of the whole file; with the number
   * of rows and, when it passed, its sums by task type.
   */
  public record Result(
      Upload upload,
      List<UploadCheck.RowError> errors,
      int errorCount,
      String refusal,
      int rows,
      List<TypeTotal> summary) {
    static Result refused(String why) {
      return new Result(null, List.of(), 0, why, 0, List.of());
    }

    /** How many problems the page does not list. */
    public int errorsNotShown() {
      return errorCount - errors.size();
    }
  }
}
