package cn.shishi.console.filing;

import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.i18n.Statuses;
import cn.shishi.console.pages.Pages;
import cn.shishi.console.session.Person;
import cn.shishi.console.session.Sessions;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The report form: file one report, or correct one of the office's reports. */
@Path("/file")
public class ReportFormResource {
  private final Sessions sessions;
  private final Pages pages;
  private final Catalogue catalogue;
  private final ReportFiling filing;
  private final Downstream downstream;
  private final Template form;
  private final Template filed;
  private final Clock clock = Clock.systemUTC();

  public ReportFormResource(
      Sessions sessions,
      Pages pages,
      Catalogue catalogue,
      ReportFiling filing,
      Downstream downstream,
      @Location("form") Template form,
      @Location("filed") Template filed) {
    this.sessions = sessions;
    this.pages = pages;
    this.catalogue = catalogue;
    this.filing = filing;
    this.downstream = downstream;
    this.form = form;
    this.filed = filed;
  }

  @GET
  public TemplateInstance blank(@RestQuery String corrects) {
    Person person = sessions.required();
    ReportForm blank = ReportForm.blank(clock);
    UUID replaced = Forms.uuid(corrects);
    if (replaced != null) {
      prefill(blank, person, replaced);
    }
    return page(person, blank, null, Map.of());
  }

  @POST
  public Object file(@BeanParam ReportForm posted) {
    Person person = sessions.required();
    ReportFiling.Outcome outcome = filing.file(person, pages.locale(), pages.messages(), posted);
    if (outcome.ok()) {
      return Response.seeOther(URI.create("/file/" + outcome.filed())).build();
    }
    return Response.status(422)
        .entity(page(person, posted, outcome.problem(), outcome.errors()))
        .build();
  }

  @GET
  @Path("/{reportId}")
  public TemplateInstance filed(@RestPath UUID reportId) {
    Person person = sessions.required();
    Answer trace = downstream.report(person, pages.locale(), reportId);
    String status =
        trace.ok()
            ? Statuses.text(trace.body().path("status").asText(), pages.messages())
            : pages.messages().status_accepted();
    return pages.render(
        filed.data("reportId", reportId).data("status", status).data("counting", !trace.ok()),
        person,
        "file");
  }

  private TemplateInstance page(
      Person person, ReportForm values, String problem, Map<String, String> errors) {
    Catalogue.Snapshot entries = catalogue.entries(person);
    return pages.render(
        form.data("form", values)
            .data("problem", problem)
            .data("errors", FieldErrors.of(errors))
            .data("regions", RegionOption.of(catalogue.regionsOf(person)))
            .data("programs", entries.programs())
            .data("taskTypes", entries.taskTypes()),
        person,
        "file");
  }

  /** The form of a correction starts from the report it corrects. */
  private void prefill(ReportForm blank, Person person, UUID replaced) {
    Answer trace = downstream.report(person, pages.locale(), replaced);
    JsonNode report = trace.body().path("report");
    if (!trace.ok() || report.isMissingNode()) {
      return;
    }
    blank.corrects = replaced.toString();
    blank.regionCode = report.path("regionCode").asText();
    blank.program = report.path("program").asText();
    blank.taskType = report.path("taskType").asText();
    blank.quantity = report.path("quantity").asText();
    blank.beneficiaries = report.path("beneficiaries").asText();
    blank.note = report.path("note").asText("");
    OffsetDateTime completed =
        OffsetDateTime.parse(report.path("completedAt").asText())
            .atZoneSameInstant(Forms.CHINA)
            .toOffsetDateTime();
    blank.completedOn = completed.toLocalDate().toString();
    blank.completedTime = String.format("%02d:%02d", completed.getHour(), completed.getMinute());
  }
}
