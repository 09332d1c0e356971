package cn.shishi.console.filing;

import cn.shishi.console.ConsoleConfig;
import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.session.Person;
import cn.shishi.contract.Messages;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.contract.report.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Files the report of the form, or corrects one: a correction withdraws the report it replaces (the
 * withdrawal's reason names the new report) and files the new one. The new report is checked
 * against the contract's rules and the office's region first, so that a withdrawal is only sent for
 * a correction the ingest will take; should the filing still fail (Kafka away), the form, with the
 * same new report id, is sent again.
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
    Forms.Read read = Forms.read(form, messages);
    if (!read.errors().isEmpty()) {
      return Outcome.refused(messages.form_has_errors(read.errors().size()), read.errors());
    }
    ReportSubmission report = read.report();
    UUID corrects = Forms.uuid(form.corrects);
    if (corrects != null) {
      Map<String, String> errors = check(report, person, locale);
      if (!errors.isEmpty()) {
        return Outcome.refused(messages.form_has_errors(errors.size()), errors);
      }
      String reason = String.format(CORRECTION_REASON, report.reportId(), report.reportId());
      Answer withdrawn = downstream.withdraw(person, locale, corrects, reason);
      if (!withdrawn.ok()) {
        return Outcome.refused(withdrawn, messages);
      }
    }
    Answer filed = downstream.file(person, locale, report);
    return filed.ok() ? Outcome.filed(report.reportId()) : Outcome.refused(filed, messages);
  }

  /**
   * A new form that corrects {@code replaced}, filled from it; a blank one when the report is not
   * counted now (withdrawn, or a withdrawal already asked for): a report is corrected only once.
   */
  public ReportForm correction(Person person, Locale locale, UUID replaced) {
    ReportForm form = ReportForm.blank(clock);
    Answer trace = downstream.report(person, locale, replaced);
    JsonNode report = trace.body().path("report");
    boolean correctable =
        trace.ok()
            && "counted".equals(trace.body().path("status").asText())
            && trace.body().path("withdrawals").isEmpty()
            && report.isObject();
    if (!correctable) {
      return form;
    }
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

  /** The report filed, or why not: a text for the whole form and one per field. */
  public record Outcome(UUID filed, String problem, Map<String, String> errors) {
    static Outcome filed(UUID reportId) {
      return new Outcome(reportId, null, Map.of());
    }

    static Outcome refused(String problem, Map<String, String> errors) {
      return new Outcome(null, problem, errors);
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
