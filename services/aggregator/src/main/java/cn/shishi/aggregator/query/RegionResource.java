package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.apply.Totals;
import cn.shishi.aggregator.domain.RegionScope;
import cn.shishi.aggregator.domain.TotalsQuery;
import cn.shishi.aggregator.domain.TotalsQuery.Dimension;
import cn.shishi.aggregator.domain.TotalsRow;
import cn.shishi.aggregator.persistence.TotalsRepository;
import cn.shishi.catalog.RegionLevel;
import cn.shishi.catalog.Regions;
import cn.shishi.web.Caller;
import cn.shishi.web.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Drill-down: a region's totals and its children's, the nation ({@code 00}) into provinces, a
 * province into cities, a city into counties (own-level cells included, so children add up).
 */
@Path("/api/v1/regions/{code}/totals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"manager", "auditor"})
public class RegionResource {
  private final TotalsRepository totals;
  private final Regions regions;
  private final JsonWebToken token;

  public RegionResource(TotalsRepository totals, Regions regions, JsonWebToken token) {
    this.totals = totals;
    this.regions = regions;
    this.token = token;
  }

  @GET
  public RegionTotals drillDown(
      @RestPath String code,
      @RestQuery String program,
      @RestQuery String taskType,
      @RestQuery String from,
      @RestQuery String to) {
    if (!code.matches("00|\\d{2}|\\d{4}|\\d{6}")) {
      throw new InvalidRequestException("/code", "a region code: 00, or 2, 4 or 6 digits");
    }
    boolean nation = code.equals(Caller.NATION);
    if (nation) {
      RegionScope.requireNation(Caller.of(token));
    }
    TotalsQuery base =
        TotalsQueryParser.parse(null, null, null, program, taskType, from, to, null, null, null);
    TotalsQuery query = RegionScope.apply(nation ? base : base.withRegion(code), Caller.of(token));
    Totals own = single(totals.find(query));
    List<RegionTotals.Entry> children =
        child(code)
            .map(
                dimension ->
                    totals.find(query.grouped(dimension, TotalsQueryParser.MAX_LIMIT)).stream()
                        .limit(TotalsQueryParser.MAX_LIMIT)
                        .map(row -> entry(row.group().get(dimension), row.totals()))
                        .toList())
            .orElse(List.of());
    String name = nation ? "全国" : regions.nameOf(code);
    RegionTotals.Entry region =
        new RegionTotals.Entry(
            code,
            name,
            nation ? "nation" : level(code),
            own.reports(),
            own.quantity(),
            own.beneficiaries());
    return new RegionTotals(totals.asOf().orElse(null), region, children);
  }

  private static java.util.Optional<Dimension> child(String code) {
    return switch (code.length()) {
      case 2 ->
          java.util.Optional.of(code.equals(Caller.NATION) ? Dimension.PROVINCE : Dimension.CITY);
      case 4 -> java.util.Optional.of(Dimension.COUNTY);
      default -> java.util.Optional.empty();
    };
  }

  private RegionTotals.Entry entry(String code, Totals totals) {
    return new RegionTotals.Entry(
        code,
        regions.nameOf(code),
        level(code),
        totals.reports(),
        totals.quantity(),
        totals.beneficiaries());
  }

  private static String level(String code) {
    return RegionLevel.ofCodeLength(code.length()).name().toLowerCase();
  }

  private static Totals single(List<TotalsRow> rows) {
    return rows.isEmpty() ? Totals.ZERO : rows.get(0).totals();
  }
}
