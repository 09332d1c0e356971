package cn.shishi.console.filing;

import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.i18n.Statuses;
import cn.shishi.console.pages.Pages;
import cn.shishi.console.session.Person;
import cn.shishi.console.session.Sessions;
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
    Person person = sessions.filer();
    UUID replaced = Forms.uuid(corrects);
    if (replaced == null) {
      return page(person, ReportForm.blank(clock), null, Map.of());
    }
    return filing
        .correction(person, pages.locale(), replaced)
        .map(form -> page(person, form, null, Map.of()))
        .orElseGet(
            () ->
                page(
                    person,
                    ReportForm.blank(clock),
                    pages.messages().correct_not_possible(replaced),
                    Map.of()));
  }

  @POST
  public Object file(@BeanParam ReportForm posted) {
    Person person = sessions.filer();
    ReportFiling.Outcome outcome = filing.file(person, pages.locale(), pages.messages(), posted);
    if (outcome.ok()) {
      return Response.seeOther(URI.create("/file/" + outcome.filed())).build();
    }
    ReportForm shown = outcome.startAgain() ? ReportForm.blank(clock) : posted;
    return Response.status(422)
        .entity(page(person, shown, outcome.problem(), outcome.errors()))
        .build();
  }

  @GET
  @Path("/{reportId}")
  public TemplateInstance filed(@RestPath UUID reportId) {
    Person person = sessions.filer();
    Answer trace = downstream.report(person, pages.locale(), reportId);
    String status =
        trace.ok()
            ? Statuses.text(trace.body().path("status").asText(), pages.messages())
            : pages.messages().status_accepted();
    // Until the aggregator has it, the page refreshes itself: the clerk sees it counted.
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
}
