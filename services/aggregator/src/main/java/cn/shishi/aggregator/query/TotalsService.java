package cn.shishi.aggregator.query;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.offsets.OffsetGauges;
import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import cn.shishi.catalog.RegionLevel;
import cn.shishi.catalog.Regions;
import cn.shishi.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Totals from the rollups, as managers and auditors read them: every question is first kept inside
 * the caller's region ({@link RegionScope}).
 */
@ApplicationScoped
public class TotalsService {
  private final TotalsRepository totals;
  private final TaskUnits units;
  private final TotalsMapper mapper;
  private final Regions regions;
  private final QueryTimeouts timeouts;
  private final OffsetGauges progress;
  private final String topic;

  public TotalsService(
      TotalsRepository totals,
      TaskUnits units,
      TotalsMapper mapper,
      Regions regions,
      QueryTimeouts timeouts,
      OffsetGauges progress,
      AggregatorConfig config) {
    this.totals = totals;
    this.units = units;
    this.mapper = mapper;
    this.regions = regions;
    this.timeouts = timeouts;
    this.progress = progress;
    this.topic = config.topic();
  }

  /** The question as the caller may ask it: inside their region (403 outside it). */
  public TotalsQuery scoped(TotalsQuery query, Caller caller) {
    return RegionScope.apply(query, caller);
  }

  /** One page of the answer to a question already scoped for {@code caller}. */
  public TotalsPage page(TotalsQuery scoped, Caller caller) {
    return page(scoped, timeouts.of(caller));
  }

  /** One page of the answer to an already scoped question, within {@code timeout}. */
  public TotalsPage page(TotalsQuery scoped, Duration timeout) {
    return mapper.toPage(scoped, find(scoped, timeout), asOf());
  }

  /** How long {@code caller}'s questions may run. */
  public Duration timeout(Caller caller) {
    return timeouts.of(caller);
  }

  /** Up to when, in receive time, the totals are complete ({@link AsOf}). */
  Optional<Instant> asOf() {
    return AsOf.of(
        progress.progress(),
        behind -> totals.appliedThrough(topic, behind),
        () -> totals.lastCommit(topic));
  }

  /**
   * A region's totals and each child's: the nation ({@code 00}) into provinces, a province into
   * cities, a city into counties (own-level cells included, so that children add up).
   */
  public RegionTotals drillDown(String code, TotalsQuery filters, Caller caller) {
    boolean nation = code.equals(Caller.NATION);
    if (nation) {
      RegionScope.requireNation(caller);
    }
    TotalsQuery query = RegionScope.apply(nation ? filters : filters.withRegion(code), caller);
    Duration timeout = timeouts.of(caller);
    TotalsRow own = only(find(query, timeout));
    List<RegionTotals.Entry> children =
        child(code)
            .map(
                dimension ->
                    find(query.grouped(dimension, TotalsParams.MAX_LIMIT), timeout).stream()
                        .limit(TotalsParams.MAX_LIMIT)
                        .map(row -> entry(row.group().get(dimension), row))
                        .toList())
            .orElse(List.of());
    RegionTotals.Entry region =
        RegionTotals.Entry.of(
            code, nation ? "全国" : regions.nameOf(code), nation ? "nation" : level(code), own);
    return new RegionTotals(asOf().orElse(null), region, children);
  }

  private RegionTotals.Entry entry(String code, TotalsRow row) {
    return RegionTotals.Entry.of(code, regions.nameOf(code), level(code), row);
  }

  private List<TotalsRow> find(TotalsQuery query, Duration timeout) {
    return totals.find(query, units.all(), timeout);
  }

  private static Optional<Dimension> child(String code) {
    return switch (code.length()) {
      case 2 -> Optional.of(code.equals(Caller.NATION) ? Dimension.PROVINCE : Dimension.CITY);
      case 4 -> Optional.of(Dimension.COUNTY);
      default -> Optional.empty();
    };
  }

  private static String level(String code) {
    return RegionLevel.ofCodeLength(code.length()).name().toLowerCase();
  }

  /** The totals of a question without grouping: its one row, or none. */
  private static TotalsRow only(List<TotalsRow> rows) {
    return rows.isEmpty() ? TotalsRow.none() : rows.get(0);
  }
}
