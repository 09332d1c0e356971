package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.domain.TotalsQuery;
import cn.shishi.aggregator.domain.TotalsRow;
import cn.shishi.aggregator.persistence.TotalsRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** Totals from the rollups, filtered and grouped; what dashboards and auditors read. */
@Path("/api/v1/totals")
@Produces(MediaType.APPLICATION_JSON)
public class TotalsResource {
  private final TotalsRepository totals;
  private final TotalsMapper mapper;

  public TotalsResource(TotalsRepository totals, TotalsMapper mapper) {
    this.totals = totals;
    this.mapper = mapper;
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
        TotalsQueryParser.parse(
            province, city, county, program, taskType, from, to, groupBy, limit, offset);
    List<TotalsRow> rows = totals.find(query);
    return mapper.toPage(query, rows, totals.asOf());
  }
}
