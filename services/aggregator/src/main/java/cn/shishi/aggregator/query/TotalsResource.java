package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.domain.TotalsQuery;
import cn.shishi.aggregator.persistence.TotalsRepository;
import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Totals from the rollups, filtered and grouped; what dashboards and auditors read. */
@Path("/api/v1/totals")
@RolesAllowed({"manager", "auditor"})
public class TotalsResource {
  static final String CSV = "text/csv";

  private final TotalsRepository totals;
  private final TotalsMapper mapper;
  private final JsonWebToken token;

  public TotalsResource(TotalsRepository totals, TotalsMapper mapper, JsonWebToken token) {
    this.totals = totals;
    this.mapper = mapper;
    this.token = token;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public TotalsPage totals(@BeanParam TotalsParams params) {
    return page(params.toQuery(Caller.of(token)));
  }

  /** The same rows as CSV ({@code Accept: text/csv}), for spreadsheets. */
  @GET
  @Produces(CSV + ";charset=UTF-8")
  public String totalsCsv(@BeanParam TotalsParams params) {
    return TotalsCsv.of(page(params.toQuery(Caller.of(token))));
  }

  private TotalsPage page(TotalsQuery query) {
    return mapper.toPage(query, totals.find(query), totals.asOf());
  }
}
