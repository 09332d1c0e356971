package cn.shishi.aggregator.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The ledger, for auditors: which reports make up a figure, and what became of each. */
@Tag(name = "Ledger · 台账", description = "Reports as the aggregator recorded them · 汇总服务记录的每份报告")
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class LedgerResource {
  private final LedgerService ledger;

  public LedgerResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Operation(summary = "List reports in the ledger · 查询台账中的报告")
  @GET
  public LedgerViews.Page list(@Valid @BeanParam LedgerParams params) {
    return ledger.list(params.toFilter(), params.pageSize());
  }

  /**
   * The report, its status, the cells it counts in, its duplicates and its withdrawals; {@code
   * office} picks one where several offices used the id.
   */
  @Operation(summary = "Trace one report · 追踪一份报告")
  @GET
  @Path("/{reportId}")
  public LedgerViews.Trace trace(@RestPath UUID reportId, @RestQuery String office) {
    return ledger.trace(reportId, FilterParams.present(office));
  }
}
