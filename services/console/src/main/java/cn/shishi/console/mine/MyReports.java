package cn.shishi.console.mine;

import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.downstream.ReportFilter;
import cn.shishi.console.downstream.ServiceUnavailableException;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.i18n.Language;
import cn.shishi.console.i18n.Statuses;
import cn.shishi.console.session.Person;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** An office's own reports as "my reports" shows them, and withdrawing one. */
@ApplicationScoped
public class MyReports {
  static final int PAGE_SIZE = 50;

  private final Catalogue catalogue;
  private final Downstream downstream;

  public MyReports(Catalogue catalogue, Downstream downstream) {
    this.catalogue = catalogue;
    this.downstream = downstream;
  }

  /** The filters as typed (to show them back), and the cursor of the page asked for. */
  public record Query(String program, String taskType, String from, String to, String before) {}

  /** One page of the list, the monthly totals under the same filters, and what went wrong. */
  public record Listing(
      List<ReportRow> rows,
      List<MonthRow> months,
      Catalogue.Snapshot entries,
      String firstUrl,
      String nextUrl,
      List<String> problems) {}

  /** What became of one report. */
  public record Trace(
      boolean known, String status, ReportRow row, int duplicates, List<String> rejections) {}

  public Listing list(Person person, Locale locale, ConsoleMessages messages, Query query) {
    Catalogue.Snapshot entries = catalogue.entries(person);
    List<String> problems = new ArrayList<>();
    ReportFilter filter =
        new ReportFilter(
            blankToNull(query.program()),
            blankToNull(query.taskType()),
            day(query.from(), problems, messages),
            day(query.to(), problems, messages));
    Answer page =
        downstream.reports(person, locale, filter, blankToNull(query.before()), PAGE_SIZE);
    Answer months = downstream.totals(person, locale, filter);
    unavailableIf(page, months);
    if (!page.ok()) {
      problems.add(page.problem());
    }
    List<ReportRow> rows = new ArrayList<>();
    for (JsonNode row : page.body().path("reports")) {
      rows.add(ReportRow.of(row, entries, catalogue.regions(), messages));
    }
    List<MonthRow> monthRows = new ArrayList<>();
    for (JsonNode month : months.body().path("months")) {
      monthRows.add(MonthRow.of(month, entries));
    }
    String next = page.body().path("next").asText(null);
    return new Listing(
        rows,
        monthRows,
        entries,
        pageUrl(query, null),
        next == null ? null : pageUrl(query, next),
        problems);
  }

  public Trace trace(Person person, Locale locale, ConsoleMessages messages, UUID reportId) {
    Answer trace = downstream.report(person, locale, reportId);
    unavailableIf(trace);
    JsonNode body = trace.body();
    ReportRow row =
        body.path("report").isObject()
            ? ReportRow.of(
                body.path("report"), catalogue.entries(person), catalogue.regions(), messages)
            : null;
    List<String> rejections = new ArrayList<>();
    for (JsonNode rejection : body.path("rejections")) {
      rejections.add(rejection.path("reason").asText() + ": " + rejection.path("detail").asText());
    }
    String status =
        trace.ok()
            ? Statuses.text(body.path("status").asText(), messages)
            : messages.status_unknown();
    return new Trace(trace.ok(), status, row, body.path("duplicates").asInt(0), rejections);
  }

  /** Asks the ingest to withdraw the report; the refusal's text, if it refused. */
  public String withdraw(
      Person person, Locale locale, ConsoleMessages messages, UUID reportId, String reason) {
    String why = reason == null || reason.isBlank() ? messages.withdrawal_default_reason() : reason;
    Answer answer = downstream.withdraw(person, locale, reportId, why);
    unavailableIf(answer);
    if (answer.ok()) {
      return null;
    }
    // The problem's summary names no field; the reason's own error says what to change.
    Collection<String> details = answer.fieldErrors().values();
    return details.isEmpty()
        ? answer.problem()
        : String.join(Language.ENGLISH.equals(locale) ? "; " : "；", details);
  }

  private static void unavailableIf(Answer... answers) {
    for (Answer answer : answers) {
      if (answer.status() == 503) {
        throw new ServiceUnavailableException();
      }
    }
  }

  private static LocalDate day(String text, List<String> problems, ConsoleMessages messages) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      problems.add(messages.error_date());
      return null;
    }
  }

  /** A page's address under the same filters: the first without a cursor, others after one. */
  private static String pageUrl(Query query, String cursor) {
    StringBuilder url = new StringBuilder("/reports");
    append(url, "before", cursor);
    append(url, "program", query.program());
    append(url, "taskType", query.taskType());
    append(url, "from", query.from());
    append(url, "to", query.to());
    return url.toString();
  }

  private static void append(StringBuilder url, String name, String value) {
    if (value != null && !value.isBlank()) {
      url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(encode(value));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
