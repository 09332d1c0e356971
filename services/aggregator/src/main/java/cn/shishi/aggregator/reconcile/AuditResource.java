package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.audit.Actors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What auditors use to check that the figures can be trusted. */
@Tag(name = "Audit · 审计")
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
  @Operation(summary = "Reconcile the rollups with the ledger · 核对汇总与台账")
  @GET
  @Path("/reconciliation")
  public ReconciliationReport reconcile() {
    return ReconciliationReport.from(reconciliation.reconcile(actors.current()));
  }
}
