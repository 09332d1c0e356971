package cn.shishi.aggregator.query;

import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Totals from the rollups, filtered and grouped; what dashboards and auditors read. */
@Tag(name = "Totals · 汇总")
@Path("/api/v1/totals")
@RolesAllowed({"manager", "auditor"})
public class TotalsResource {
  static final String CSV = "text/csv";

  private final TotalsService totals;
  private final JsonWebToken token;

  public TotalsResource(TotalsService totals, JsonWebToken token) {
    this.totals = totals;
    this.token = token;
  }

  @Operation(summary = "Totals as JSON · 汇总（JSON）")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public TotalsPage totals(@Valid @BeanParam TotalsParams params) {
    Caller caller = Caller.of(token);
    return totals.page(totals.scoped(params.toQuery(), caller), caller);
  }

  /** The same rows as CSV ({@code Accept: text/csv}), for spreadsheets. */
  @Operation(summary = "Totals as CSV · 汇总（CSV）")
  @GET
  @Produces(CSV + ";charset=UTF-8")
  public String totalsCsv(@Valid @BeanParam TotalsParams params) {
    return TotalsCsv.of(totals(params));
  }
}
