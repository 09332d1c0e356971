package cn.shishi.aggregator.reconcile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What auditors use to check that the figures can be trusted. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class AuditResource {
  private final ReconciliationService reconciliation;

  public AuditResource(ReconciliationService reconciliation) {
    this.reconciliation = reconciliation;
  }

  /** Compares every rollup cell with the ledger, and the stored offsets with Kafka's. */
  @GET
  @Path("/reconciliation")
  public ReconciliationReport reconcile() {
    return ReconciliationReport.from(reconciliation.reconcile());
  }
}
