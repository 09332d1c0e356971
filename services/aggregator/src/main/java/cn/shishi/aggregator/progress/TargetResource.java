package cn.shishi.aggregator.progress;

import cn.shishi.aggregator.audit.Actors;
import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Targets: managers (inside their region) and admins set them; every change is kept. */
@Tag(name = "Targets · 目标")
@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {
  private final TargetService targets;
  private final Actors actors;
  private final JsonWebToken token;

  public TargetResource(TargetService targets, Actors actors, JsonWebToken token) {
    this.targets = targets;
    this.actors = actors;
    this.token = token;
  }

  @Operation(summary = "Set a target · 设定目标")
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"manager", "admin"})
  public Target set(TargetRequest request) {
    return targets.set(request, Caller.of(token), actors.current());
  }

  @Operation(summary = "List targets · 列出目标")
  @GET
  @RolesAllowed({"manager", "auditor", "admin"})
  public List<Target> list() {
    return targets.list(Caller.of(token));
  }

  @Operation(summary = "Changes of targets · 目标变更记录")
  @GET
  @Path("/history")
  @RolesAllowed({"manager", "auditor", "admin"})
  public List<TargetChange> history() {
    return targets.history(Caller.of(token));
  }
}
