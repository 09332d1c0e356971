package cn.shishi.ingest.rest;

import cn.shishi.ingest.domain.ReportIntake;
import cn.shishi.ingest.domain.ReportSubmission;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Offices post completed-task reports here. */
@Path("/api/v1/reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
  private final ReportIntake intake;

  public ReportResource(ReportIntake intake) {
    this.intake = intake;
  }

  /** Answers 202 once Kafka has acknowledged the report; 422 if invalid; 503 if Kafka is not. */
  @POST
  public Uni<Response> file(ReportSubmission report) {
    return intake
        .file(report, "anonymous")
        .map(id -> Response.accepted(ReportAccepted.of(id)).build());
  }
}
