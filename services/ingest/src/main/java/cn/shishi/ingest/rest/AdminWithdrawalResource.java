package cn.shishi.ingest.rest;

import cn.shishi.ingest.domain.AdminWithdrawal;
import cn.shishi.ingest.domain.ReportIntake;
import cn.shishi.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An admin takes any office's report out of every total, with a reason (recorded). */
@Tag(name = "Administration · 管理", description = "Operations only admins may run · 仅管理员可执行的操作")
@Path("/api/v1/admin/withdrawals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminWithdrawalResource {
  private final ReportIntake intake;
  private final JsonWebToken token;

  public AdminWithdrawalResource(ReportIntake intake, JsonWebToken token) {
    this.intake = intake;
    this.token = token;
  }

  /** 202 once Kafka holds the withdrawal; the aggregator applies it if that office filed it. */
  @Operation(summary = "Withdraw any office's report · 撤回任一单位的报告")
  @POST
  public Uni<Response> withdraw(AdminWithdrawal request) {
    return intake
        .withdrawAsAdmin(request, Caller.of(token))
        .map(
            done ->
                Response.accepted(new ReportAccepted(request.reportId(), "withdrawal-accepted"))
                    .build());
  }
}
