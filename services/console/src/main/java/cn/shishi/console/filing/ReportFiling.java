package cn.shishi.console.filing;

import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.session.Person;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Files the report of the form, or corrects one: a correction withdraws the report it replaces (the
 * withdrawal's reason names the new report) and files the new one. The withdrawal goes first:
 * should the filing then fail, the form (with the same new report id) can be sent again, and a
 * report is never counted beside the one it corrects.
 */
@ApplicationScoped
public class ReportFiling {
  private final Downstream downstream;

  public ReportFiling(Downstream downstream) {
    this.downstream = downstream;
  }

  public Outcome file(Person person, Locale locale, ConsoleMessages messages, ReportForm form) {
    Forms.Read read = Forms.read(form, messages);
    if (!read.errors().isEmpty()) {
      return Outcome.refused(messages.form_has_errors(read.errors().size()), read.errors());
    }
    UUID reportId = read.report().reportId();
    UUID corrects = Forms.uuid(form.corrects);
    if (corrects != null) {
      Answer withdrawn =
          downstream.withdraw(person, locale, corrects, messages.correction_reason(reportId));
      if (!withdrawn.ok()) {
        return Outcome.refused(withdrawn, messages);
      }
    }
    Answer filed = downstream.file(person, locale, read.report());
    return filed.ok() ? Outcome.filed(reportId) : Outcome.refused(filed, messages);
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
      answer
          .fieldErrors()
          .forEach((pointer, text) -> errors.put(pointer.replaceFirst("^/", ""), text));
      return refused(answer.problem(), errors);
    }

    public boolean ok() {
      return filed != null;
    }
  }
}
