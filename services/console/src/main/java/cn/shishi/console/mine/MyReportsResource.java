package cn.shishi.console.mine;

import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.downstream.ReportFilter;
import cn.shishi.console.downstream.ServiceUnavailableException;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.i18n.Statuses;
import cn.shishi.console.pages.Pages;
import cn.shishi.console.session.Person;
import cn.shishi.console.session.Sessions;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** "My reports": the office's own reports, its totals by month, and withdrawing one. */
@Path("/reports")
public class MyReportsResource {
  static final int PAGE_SIZE = 50;

  private final Sessions sessions;
  private final Pages pages;
  private final Catalogue catalogue;
  private final Downstream downstream;
  private final Template reports;
  private final Template report;

  public MyReportsResource(
      Sessions sessions,
      Pages pages,
      Catalogue catalogue,
      Downstream downstream,
      @Location("reports") Template reports,
      @Location("report") Template report) {
    this.sessions = sessions;
    this.pages = pages;
    this.catalogue = catalogue;
    this.downstream = downstream;
    this.reports = reports;
    this.report = report;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String program,
      @RestQuery String taskType,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String before,
      @RestQuery String withdrawn) {
    Person person = sessions.required();
    ConsoleMessages messages = pages.messages();
    Catalogue.Snapshot entries = catalogue.entries(person);
    List<String> problems = new ArrayList<>();
    ReportFilter filter =
        new ReportFilter(
            blankToNull(program),
            blankToNull(taskType),
            day(from, problems, messages),
            day(to, problems, messages));
    Answer page =
        downstream.reports(person, pages.locale(), filter, blankToNull(before), PAGE_SIZE);
    Answer months = downstream.totals(person, pages.locale(), filter);
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
    return pages.render(
        reports
            .data("rows", rows)
            .data("months", monthRows)
            .data("programs", entries.programs())
            .data("taskTypes", entries.taskTypes())
            .data("filter", new FilterValues(program, taskType, from, to))
            .data("nextUrl", next == null ? null : nextUrl(program, taskType, from, to, next))
            .data("firstPage", before == null || before.isBlank())
            .data("problems", problems)
            .data("withdrawn", withdrawn),
        person,
        "mine");
  }

  /** The box "look a report up by its id" on the list. */
  @GET
  @Path("/lookup")
  public Response lookup(@RestQuery String reportId) {
    sessions.required();
    UUID id = cn.shishi.console.filing.Forms.uuid(reportId);
    return Response.seeOther(URI.create(id == null ? "/reports" : "/reports/" + id)).build();
  }

  @GET
  @Path("/{reportId}")
  public TemplateInstance trace(@RestPath UUID reportId) {
    Person person = sessions.required();
    Answer trace = downstream.report(person, pages.locale(), reportId);
    unavailableIf(trace);
    JsonNode body = trace.body();
    ReportRow row =
        body.path("report").isObject()
            ? ReportRow.of(
                body.path("report"),
                catalogue.entries(person),
                catalogue.regions(),
                pages.messages())
            : null;
    List<String> rejections = new ArrayList<>();
    for (JsonNode rejection : body.path("rejections")) {
      rejections.add(rejection.path("reason").asText() + ": " + rejection.path("detail").asText());
    }
    String status =
        trace.ok()
            ? Statuses.text(body.path("status").asText(), pages.messages())
            : pages.messages().status_unknown();
    return pages.render(
        report
            .data("reportId", reportId)
            .data("known", trace.ok())
            .data("status", status)
            .data("row", row)
            .data("duplicates", body.path("duplicates").asInt(0))
            .data("rejections", rejections),
        person,
        "mine");
  }

  @POST
  @Path("/{reportId}/withdrawal")
  public Response withdraw(@RestPath UUID reportId, @RestForm String reason) {
    Person person = sessions.required();
    String why =
        reason == null || reason.isBlank() ? pages.messages().withdrawal_default_reason() : reason;
    Answer answer = downstream.withdraw(person, pages.locale(), reportId, why);
    unavailableIf(answer);
    if (!answer.ok()) {
      return Response.status(answer.status())
          .entity(
              pages.render(
                  report
                      .data("reportId", reportId)
                      .data("known", false)
                      .data("status", answer.problem())
                      .data("row", null)
                      .data("duplicates", 0)
                      .data("rejections", List.of()),
                  person,
                  "mine"))
          .build();
    }
    return Response.seeOther(URI.create("/reports?withdrawn=" + reportId)).build();
  }

  /** The filter as typed, to show it back in the form. */
  public record FilterValues(String program, String taskType, String from, String to) {}

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

  private static String nextUrl(
      String program, String taskType, String from, String to, String cursor) {
    StringBuilder url = new StringBuilder("/reports?before=").append(encode(cursor));
    append(url, "program", program);
    append(url, "taskType", taskType);
    append(url, "from", from);
    append(url, "to", to);
    return url.toString();
  }

  private static void append(StringBuilder url, String name, String value) {
    if (value != null && !value.isBlank()) {
      url.append('&').append(name).append('=').append(encode(value));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
