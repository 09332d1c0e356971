package cn.shishi.console.filing;

import cn.shishi.console.ConsoleConfig;
import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.downstream.ServiceUnavailableException;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.session.Person;
import cn.shishi.contract.Messages;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.contract.report.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.text.Normalizer.Form;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Files the report of the form, or corrects one: a correction withdraws the report it replaces (the
 * withdrawal's reason names the new report) and files the new one. The new report is checked
 * against the contract's rules and the office's region first, so that a withdrawal is only sent for
 * a correction the ingest will take; should the filing still fail (Kafka away), the form, with the
 * same new report id, is sent again.
 *
 * <p>A report is corrected once. Whether it is still counted is asked again when a correction is
 * submitted (a colleague, or another tab, may have corrected it since the form was opened), and a
 * correction's id is made from the office and the report it replaces: two corrections sent before
 * the aggregator has applied either's withdrawal file the same report, which counts once.
 */
@ApplicationScoped
public class ReportFiling {
  /** The withdrawal's reason, in both languages: it is kept in the ledger for anyone to read. */
  static final String CORRECTION_REASON = "更正：由报告 %s 取代 · corrected by report %s";

  private final Downstream downstream;
  private final Catalogue catalogue;
  private final ConsoleConfig.Reports rules;
  private final Clock clock = Clock.systemUTC();

  public ReportFiling(Downstream downstream, Catalogue catalogue, ConsoleConfig config) {
    this.downstream = downstream;
    this.catalogue = catalogue;
    this.rules = config.reports();
  }

  public Outcome file(Person person, Locale locale, ConsoleMessages messages, ReportForm form) {
    UUID corrects = Forms.uuid(form.corrects);
    if (corrects != null) {
      form.reportId = correctionId(person, corrects).toString();
    }
    Forms.Read read = Forms.read(form, messages);
    if (!read.errors().isEmpty()) {
      return Outcome.refused(messages.form_has_errors(read.errors().size()), read.errors());
    }
    ReportSubmission report = read.report();
    if (corrects != null) {
      Optional<Outcome> refused = correct(person, locale, messages, corrects, report);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    Answer filed = downstream.file(person, locale, report);
    return filed.ok() ? Outcome.filed(report.reportId()) : Outcome.refused(filed, messages);
  }

  /**
   * Withdraws {@code replaced} for {@code correction}, unless this correction withdrew it already
   * (the form sent again after the filing failed, or a double click); an outcome when the
   * correction must not be filed.
   */
  private Optional<Outcome> correct(
      Person person,
      Locale locale,
      ConsoleMessages messages,
      UUID replaced,
      ReportSubmission correction) {
    Answer trace = downstream.report(person, locale, replaced);
    if (!trace.ok() && trace.status() != 404) {
      return Optional.of(Outcome.refused(trace, messages));
    }
    if (!counted(trace)) {
      String reason = trace.body().path("report").path("withdrawalReason").asText("");
      boolean byThisCorrection = reason.contains(correction.reportId().toString());
      if (!byThisCorrection) {
        return Optional.of(Outcome.startAgain(messages.correct_not_possible(replaced)));
      }
      Answer filed = downstream.report(person, locale, correction.reportId());
      if (filed.ok() && !sameReport(filed.body().path("report"), correction)) {
        // Another clerk's correction of the same report came first: theirs is the one counted.
        return Optional.of(Outcome.startAgain(messages.correct_not_possible(replaced)));
      }
      return Optional.empty();
    }
    Map<String, String> errors = check(correction, person, locale);
    if (!errors.isEmpty()) {
      return Optional.of(Outcome.refused(messages.form_has_errors(errors.size()), errors));
    }
    String id = correction.reportId().toString();
    Answer withdrawn =
        downstream.withdraw(person, locale, replaced, String.format(CORRECTION_REASON, id, id));
    return withdrawn.ok() ? Optional.empty() : Optional.of(Outcome.refused(withdrawn, messages));
  }

  /**
   * A new form that corrects {@code replaced}, filled from it; none when the report is not counted
   * now (withdrawn, or not known): a report is corrected only once.
   */
  public Optional<ReportForm> correction(Person person, Locale locale, UUID replaced) {
    return counted(person, locale, replaced).map(report -> filledFrom(person, replaced, report));
  }

  /**
   * The report as the office's ledger has it, while it is counted; none when it is not, or is not
   * known. The aggregator away is no answer: the page says so rather than "no longer counted",
   * which would invite the clerk to file the report again.
   */
  private Optional<JsonNode> counted(Person person, Locale locale, UUID reportId) {
    Answer trace = downstream.report(person, locale, reportId);
    if (!trace.ok() && trace.status() != 404) {
      throw new ServiceUnavailableException();
    }
    return counted(trace) ? Optional.of(trace.body().path("report")) : Optional.empty();
  }

  /**
   * Whether the trace shows the report counted. A withdrawal on its way (asked, not yet applied) is
   * not in the trace; two corrections of one report share their id for that reason.
   */
  private static boolean counted(Answer trace) {
    return trace.ok()
        && "counted".equals(trace.body().path("status").asText())
        && trace.body().path("report").isObject();
  }

  /**
   * Whether the ledger's {@code filed} says what {@code report} says (the ingest's defaults in).
   */
  private static boolean sameReport(JsonNode filed, ReportSubmission report) {
    return filed.path("regionCode").asText().equals(report.regionCode())
        && filed.path("program").asText().equals(report.program())
        && filed.path("taskType").asText().equals(report.taskType())
        && filed.path("quantity").asInt() == (report.quantity() == null ? 1 : report.quantity())
        && filed.path("beneficiaries").asInt()
            == (report.beneficiaries() == null ? 0 : report.beneficiaries())
        && OffsetDateTime.parse(filed.path("completedAt").asText()).isEqual(report.completedAt())
        // The ledger keeps a note NFC-normalised (docs/api.md).
        && filed
            .path("note")
            .asText("")
            .equals(report.note() == null ? "" : Normalizer.normalize(report.note(), Form.NFC));
  }

  /**
   * The id of the report that corrects {@code replaced}: the same for every correction of it, so
   * that only one of them is ever counted.
   */
  static UUID correctionId(Person person, UUID replaced) {
    return UUID.nameUUIDFromBytes(
        (person.office() + "\ncorrects\n" + replaced).getBytes(StandardCharsets.UTF_8));
  }

  private ReportForm filledFrom(Person person, UUID replaced, JsonNode report) {
    ReportForm form = ReportForm.blank(clock);
    form.reportId = correctionId(person, replaced).toString();
    form.corrects = replaced.toString();
    form.regionCode = report.path("regionCode").asText();
    form.program = report.path("program").asText();
    form.taskType = report.path("taskType").asText();
    form.quantity = report.path("quantity").asText();
    form.beneficiaries = report.path("beneficiaries").asText();
    form.note = report.path("note").asText("");
    OffsetDateTime completed =
        OffsetDateTime.parse(report.path("completedAt").asText())
            .atZoneSameInstant(ReportValidator.CHINA)
            .toOffsetDateTime();
    form.completedOn = completed.toLocalDate().toString();
    form.completedTime = String.format("%02d:%02d", completed.getHour(), completed.getMinute());
    return form;
  }

  /** What the ingest would refuse of {@code report}, by field, in the person's language. */
  private Map<String, String> check(ReportSubmission report, Person person, Locale locale) {
    ReportValidator validator =
        new ReportValidator(
            catalogue.entries(person), clock, rules.earliestCompletedOn(), rules.maxClockSkew());
    Map<String, String> errors = new LinkedHashMap<>();
    List<Violation> violations = validator.validate(report, "").violations();
    violations.forEach(v -> errors.merge(field(v.pointer()), v.detail(locale), (a, b) -> a));
    if (report.regionCode() != null && errors.isEmpty() && !person.covers(report.regionCode())) {
      errors.put("regionCode", Messages.text(locale, "region.outside", person.region()));
    }
    return errors;
  }

  private static String field(String pointer) {
    return pointer.replaceFirst("^/", "");
  }

  /**
   * The report filed, or why not: a text for the whole form and one per field; {@code startAgain}
   * when the posted form must not be shown again (a correction of a report no longer counted, which
   * sent again would only be refused again).
   */
  public record Outcome(
      UUID filed, String problem, Map<String, String> errors, boolean startAgain) {
    static Outcome filed(UUID reportId) {
      return new Outcome(reportId, null, Map.of(), false);
    }

    static Outcome refused(String problem, Map<String, String> errors) {
      return new Outcome(null, problem, errors, false);
    }

    static Outcome startAgain(String problem) {
      return new Outcome(null, problem, Map.of(), true);
    }

    static Outcome refused(Answer answer, ConsoleMessages messages) {
      if (answer.status() == 503 || answer.status() == 429) {
        return refused(messages.busy_try_again(), Map.of());
      }
      Map<String, String> errors = new LinkedHashMap<>();
      answer.fieldErrors().forEach((pointer, text) -> errors.put(field(pointer), text));
      return refused(answer.problem(), errors);
    }

    public boolean ok() {
      return filed != null;
    }
  }
}
