package cn.shishi.aggregator.progress;

import cn.shishi.aggregator.query.TotalsParams;
import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Progress against targets, with the filters and groupings of the totals, scoped like them. */
@Tag(name = "Targets · 目标")
@Path("/api/v1/progress")
@RolesAllowed({"manager", "auditor"})
public class ProgressResource {
  private final TargetService targets;
  private final JsonWebToken token;

  public ProgressResource(TargetService targets, JsonWebToken token) {
    this.targets = targets;
    this.token = token;
  }

  @Operation(summary = "Progress against targets · 目标完成进度")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ProgressPage progress(@Valid @BeanParam TotalsParams params) {
    return targets.progress(params.toQuery(), Caller.of(token));
  }
}
