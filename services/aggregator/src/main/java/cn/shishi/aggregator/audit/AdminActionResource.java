package cn.shishi.aggregator.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** The log of privileged actions, for auditors: read only, there is no way to change it here. */
@Path("/api/v1/audit/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class AdminActionResource {
  private final AuditLog log;

  public AdminActionResource(AuditLog log) {
    this.log = log;
  }

  /** Up to {@code limit} entries after the entry {@code after}, oldest first. */
  @GET
  public List<AdminAction> list(
      @RestQuery @Min(0) Long after, @RestQuery @Min(1) @Max(1000) Integer limit) {
    return log.list(after == null ? 0 : after, limit == null ? 100 : limit);
  }
}
