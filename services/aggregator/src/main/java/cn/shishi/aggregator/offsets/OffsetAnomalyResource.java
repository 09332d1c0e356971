package cn.shishi.aggregator.offsets;

import cn.shishi.aggregator.audit.Actors;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Offset anomalies: partitions held because their stored offsets do not fit the topic's log.
 * Auditors and admins read them; an admin decides where a partition goes on.
 */
@Tag(
    name = "Offset anomalies · 偏移量异常",
    description =
        "Stored offsets that disagree with the log, and an admin's decision on them · 已存偏移量与日志不符的情况及管理员的处理")
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
  @Operation(summary = "List offset anomalies · 列出偏移量异常")
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

  @Operation(summary = "Adopt an offset for an anomaly · 为异常指定偏移量")
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
}
