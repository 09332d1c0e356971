package cn.shishi.aggregator.period;

import cn.shishi.aggregator.audit.Actors;
import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A region's month: closed by a manager, published, restated by later reports, reopened by an
 * admin.
 */
@Tag(name = "Periods · 结账期")
@Path("/api/v1/periods/{region}/{month}")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodResource {
  private final PeriodService periods;
  private final Actors actors;
  private final JsonWebToken token;

  public PeriodResource(PeriodService periods, Actors actors, JsonWebToken token) {
    this.periods = periods;
    this.actors = actors;
    this.token = token;
  }

  @Operation(summary = "A month as published and as now · 某月已发布数与当前数")
  @GET
  @RolesAllowed({"manager", "auditor", "admin"})
  public PeriodView view(@RestPath String region, @RestPath String month) {
    return periods.view(region, month, Caller.of(token));
  }

  @Operation(summary = "Close a month · 结账")
  @POST
  @Path("/close")
  @RolesAllowed({"manager", "admin"})
  public PeriodView close(@RestPath String region, @RestPath String month) {
    return periods.close(region, month, Caller.of(token), actors.current());
  }

  @Operation(summary = "Reopen a month · 重新开账")
  @POST
  @Path("/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public PeriodView reopen(@RestPath String region, @RestPath String month, ReopenRequest request) {
    return periods.reopen(region, month, request, Caller.of(token), actors.current());
  }
}
