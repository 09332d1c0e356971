package cn.shishi.aggregator.query;

import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Drill-down: a region's totals and its children's, the nation ({@code 00}) into provinces, a
 * province into cities, a city into counties (own-level cells included, so children add up).
 */
@Tag(name = "Totals · 汇总")
@Path("/api/v1/regions/{code}/totals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"manager", "auditor"})
public class RegionResource {
  private final TotalsService totals;
  private final JsonWebToken token;

  public RegionResource(TotalsService totals, JsonWebToken token) {
    this.totals = totals;
    this.token = token;
  }

  @Operation(summary = "A region's totals and its subregions' · 某区域及其下级区域的汇总")
  @GET
  public RegionTotals drillDown(
      @RestPath @Pattern(regexp = "00|\\d{2}|\\d{4}|\\d{6}", message = "{shishi.param.region}")
          String code,
      @Valid @BeanParam FilterParams filter) {
    TotalsQuery filters =
        new TotalsQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            filter.program(),
            filter.taskType(),
            filter.from(),
            filter.to(),
            List.of(),
            TotalsParams.DEFAULT_LIMIT,
            0);
    return totals.drillDown(code, filters, Caller.of(token));
  }
}
