package cn.shishi.aggregator.offsets;

import cn.shishi.aggregator.audit.Actors;
import cn.shishi.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Offset anomalies: partitions held because their stored offsets do not fit the topic's log.
 * Auditors and admins read them; an admin decides where a partition goes on.
 */
@Path("/api/v1/admin/offset-anomalies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"auditor", "admin"})
public class OffsetAnomalyResource {
  private final OffsetGuard guard;
  private final Actors actors;

  public OffsetAnomalyResource(OffsetGuard guard, Actors actors) {
    this.guard = guard;
    this.actors = actors;
  }

  /** Open anomalies first, then the latest resolved ones (up to 100 in all). */
  @GET
  public List<OffsetAnomaly> list() {
    return guard.anomalies(100);
  }

  /**
   * The decision: go on in the log as it is now, from {@code fromOffset} (the log's start when
   * omitted). Reports between the stored offset and it, if any, are not applied: say why in {@code
   * note}.
   */
  public record Adoption(@Min(0) Long fromOffset, @NotBlank @Size(max = 500) String note) {}

  @POST
  @Path("/{id}/adopt")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public OffsetAnomaly adopt(@RestPath long id, @Valid Adoption adoption) {
    OffsetAnomaly resolved =
        guard.adopt(id, adoption.fromOffset(), actors.current(), adoption.note());
    // Checked again at once: this instance's readiness and gauges, and its consumer's position.
    guard.check();
    return resolved;
  }

  @ServerExceptionMapper
  public Response notFound(OffsetGuard.AnomalyNotFound e) {
    return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response resolved(OffsetGuard.AnomalyAlreadyResolved e) {
    return Problem.of(Response.Status.CONFLICT, "anomaly-resolved", e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response outside(OffsetGuard.OffsetOutsideLog e) {
    return Problem.invalid(List.of(new Problem.FieldError("/fromOffset", e.getMessage())))
        .toResponse();
  }
}
