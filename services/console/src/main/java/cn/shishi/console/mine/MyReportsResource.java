package cn.shishi.console.mine;

import cn.shishi.console.filing.Forms;
import cn.shishi.console.pages.Pages;
import cn.shishi.console.session.Person;
import cn.shishi.console.session.Sessions;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** "My reports": the office's own reports, its totals by month, and withdrawing one. */
@Path("/reports")
public class MyReportsResource {
  private final Sessions sessions;
  private final Pages pages;
  private final MyReports reports;
  private final Template list;
  private final Template report;

  public MyReportsResource(
      Sessions sessions,
      Pages pages,
      MyReports reports,
      @Location("reports") Template list,
      @Location("report") Template report) {
    this.sessions = sessions;
    this.pages = pages;
    this.reports = reports;
    this.list = list;
    this.report = report;
  }

  @GET
  public TemplateInstance list(
      @RestQuery String program,
      @RestQuery String taskType,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String before,
      @RestQuery String withdrawn,
      @RestQuery String lookup) {
    Person person = sessions.filer();
    MyReports.Listing listing =
        reports.list(
            person,
            pages.locale(),
            pages.messages(),
            new MyReports.Query(program, taskType, from, to, before));
    return pages.render(
        list.data("rows", listing.rows())
            .data("months", listing.months())
            .data("programs", listing.entries().programs())
            .data("taskTypes", listing.entries().taskTypes())
            .data("filter", new MyReports.Query(program, taskType, from, to, null))
            .data("firstUrl", listing.firstUrl())
            .data("nextUrl", listing.nextUrl())
            .data("firstPage", before == null || before.isBlank())
            .data("problems", listing.problems())
            .data("withdrawn", Forms.uuid(withdrawn))
            .data("lookupInvalid", "invalid".equals(lookup)),
        person,
        "mine");
  }

  /** The box "look a report up by its id" on the list. */
  @GET
  @Path("/lookup")
  public Response lookup(@RestQuery String reportId) {
    sessions.filer();
    UUID id = Forms.uuid(reportId);
    if (id == null) {
      String back = reportId == null || reportId.isBlank() ? "/reports" : "/reports?lookup=invalid";
      return Response.seeOther(URI.create(back)).build();
    }
    return Response.seeOther(URI.create("/reports/" + id)).build();
  }

  @GET
  @Path("/{reportId}")
  public TemplateInstance trace(@RestPath UUID reportId) {
    Person person = sessions.filer();
    MyReports.Trace trace = reports.trace(person, pages.locale(), pages.messages(), reportId);
    return page(person, reportId, trace);
  }

  @POST
  @Path("/{reportId}/withdrawal")
  public Response withdraw(@RestPath UUID reportId, @RestForm String reason) {
    Person person = sessions.filer();
    String refused = reports.withdraw(person, pages.locale(), pages.messages(), reportId, reason);
    if (refused != null) {
      MyReports.Trace trace = reports.trace(person, pages.locale(), pages.messages(), reportId);
      return Response.status(422)
          .entity(page(person, reportId, trace).data("refused", refused))
          .build();
    }
    return Response.seeOther(URI.create("/reports?withdrawn=" + reportId)).build();
  }

  private TemplateInstance page(Person person, UUID reportId, MyReports.Trace trace) {
    return pages.render(
        report
            .data("refused", null)
            .data("reportId", reportId)
            .data("known", trace.known())
            .data("status", trace.status())
            .data("row", trace.row())
            .data("duplicates", trace.duplicates())
            .data("rejections", trace.rejections()),
        person,
        "mine");
  }
}
