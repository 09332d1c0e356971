package cn.shishi.aggregator.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The ledger, for auditors: which reports make up a figure, and what became of each. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class LedgerResource {
  private final LedgerService ledger;

  public LedgerResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  @GET
  public LedgerViews.Page list(@Valid @BeanParam LedgerParams params) {
    return ledger.list(params.toFilter(), params.pageSize());
  }

  /**
   * The report, its status, the cells it counts in, its duplicates and its withdrawals; {@code
   * office} picks one where several offices used the id.
   */
  @GET
  @Path("/{reportId}")
  public LedgerViews.Trace trace(@RestPath UUID reportId, @RestQuery String office) {
    return ledger.trace(reportId, FilterParams.present(office));
  }
}
