package cn.shishi.aggregator.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API model of a drill-down: a region's totals and each of its children's. */
public record RegionTotals(Instant asOf, Entry region, List<Entry> children) {

  /**
   * One region with its totals; its quantity per unit ({@code quantity} and {@code unit} only when
   * there is one unit), as in {@link TotalsPage.Row}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      String code,
      String name,
      String level,
      long reports,
      Long quantity,
      String unit,
      Map<String, Long> quantities,
      long beneficiaries) {

    static Entry of(String code, String name, String level, TotalsRow row) {
      Quantities quantities = row.quantities();
      return new Entry(
          code,
          name,
          level,
          row.reports(),
          quantities.single().orElse(null),
          quantities.singleUnit().orElse(null),
          quantities.byUnit(),
          row.beneficiaries());
    }
  }
}
