package cn.shishi.aggregator.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The log of privileged actions, for auditors: read only, there is no way to change it here. */
@Tag(name = "Audit · 审计", description = "Privileged actions and reconciliation · 特权操作记录与核对")
@Path("/api/v1/audit/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class AdminActionResource {
  private final AuditLog log;

  public AdminActionResource(AuditLog log) {
    this.log = log;
  }

  /** Up to {@code limit} entries after the entry {@code after}, oldest first. */
  @Operation(summary = "The log of privileged actions · 特权操作记录")
  @GET
  public List<AdminAction> list(
      @RestQuery @Min(0) Long after, @RestQuery @Min(1) @Max(1000) Integer limit) {
    return log.list(after == null ? 0 : after, limit == null ? 100 : limit);
  }
}
