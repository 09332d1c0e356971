package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.domain.RegionScope;
import cn.shishi.aggregator.domain.TotalsQuery;
import cn.shishi.aggregator.domain.TotalsRow;
import cn.shishi.aggregator.persistence.TotalsRepository;
import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestQuery;

/** Totals from the rollups, filtered and grouped; what dashboards and auditors read. */
@Path("/api/v1/totals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"manager", "auditor"})
public class TotalsResource {
  private final TotalsRepository totals;
  private final TotalsMapper mapper;
  private final JsonWebToken token;

  public TotalsResource(TotalsRepository totals, TotalsMapper mapper, JsonWebToken token) {
    this.totals = totals;
    this.mapper = mapper;
    this.token = token;
  }

  @GET
  public TotalsPage totals(
      @RestQuery String province,
      @RestQuery String city,
      @RestQuery String county,
      @RestQuery String program,
      @RestQuery String taskType,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery List<String> groupBy,
      @RestQuery Integer limit,
      @RestQuery Integer offset) {
    TotalsQuery query =
        RegionScope.apply(
            TotalsQueryParser.parse(
                province, city, county, program, taskType, from, to, groupBy, limit, offset),
            Caller.of(token));
    List<TotalsRow> rows = totals.find(query);
    return mapper.toPage(query, rows, totals.asOf());
  }
}
