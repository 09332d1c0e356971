package cn.shishi.aggregator.query;

import java.time.Instant;
import java.util.List;

/** The API model of a drill-down: a region's totals and each of its children's. */
public record RegionTotals(Instant asOf, Entry region, List<Entry> children) {

  /** One region with its totals. */
  public record Entry(
      String code, String name, String level, long reports, long quantity, long beneficiaries) {}
}
