package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.audit.Actors;
import cn.shishi.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What auditors use to check that the figures can be trusted. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class AuditResource {
  private final ReconciliationService reconciliation;
  private final Actors actors;

  public AuditResource(ReconciliationService reconciliation, Actors actors) {
    this.reconciliation = reconciliation;
    this.actors = actors;
  }

  /**
   * Compares every rollup cell with the ledger, and the stored offsets with Kafka's; one at a time
   * across the instances (409 while one runs), recorded in the log of actions.
   */
  @GET
  @Path("/reconciliation")
  public ReconciliationReport reconcile() {
    return ReconciliationReport.from(reconciliation.reconcile(actors.current()));
  }

  @ServerExceptionMapper
  public Response busy(AlreadyRunning e) {
    return Problem.of(Response.Status.CONFLICT, "already-running", e.getMessage()).toResponse();
  }
}
