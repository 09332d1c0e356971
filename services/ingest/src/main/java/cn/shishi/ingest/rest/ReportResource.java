package cn.shishi.ingest.rest;

import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.ingest.domain.ReportBatch;
import cn.shishi.ingest.domain.ReportIntake;
import cn.shishi.ingest.domain.WithdrawalRequest;
import cn.shishi.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Offices post completed-task reports here, and withdraw their own. */
@Tag(
    name = "Reports · 报告",
    description = "Filing and withdrawing an office's reports · 办事单位提交和撤回报告")
@Path("/api/v1/reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("office")
public class ReportResource {
  private final ReportIntake intake;
  private final JsonWebToken token;

  public ReportResource(ReportIntake intake, JsonWebToken token) {
    this.intake = intake;
    this.token = token;
  }

  /** 202 once Kafka holds the report; 422 if invalid; 403 outside the region; 503 if no ack. */
  @Operation(summary = "File one report · 提交一份报告")
  @POST
  public Uni<Response> file(ReportSubmission report) {
    return intake
        .file(report, Caller.of(token))
        .map(id -> Response.accepted(ReportAccepted.of(id)).build());
  }

  /** All or nothing: 202 once Kafka holds every report; 422 listing every invalid item. */
  @Operation(summary = "File up to 1,000 reports at once · 一次提交最多 1000 份报告")
  @POST
  @Path("/batch")
  public Uni<Response> fileBatch(ReportBatch batch) {
    return intake
        .fileBatch(batch, Caller.of(token))
        .map(count -> Response.accepted(new BatchAccepted(count)).build());
  }

  /** Asks for a report to be taken out of every total; the aggregator checks it is yours. */
  @Operation(summary = "Withdraw one of your office's reports · 撤回本单位的一份报告")
  @POST
  @Path("/{reportId}/withdrawal")
  public Uni<Response> withdraw(@RestPath UUID reportId, WithdrawalRequest request) {
    return intake
        .withdraw(reportId, request, Caller.of(token))
        .map(
            done -> Response.accepted(new ReportAccepted(reportId, "withdrawal-accepted")).build());
  }

  /** The answer to an accepted batch. */
  public record BatchAccepted(int accepted) {}
}
