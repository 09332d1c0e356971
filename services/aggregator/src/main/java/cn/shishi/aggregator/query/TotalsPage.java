package cn.shishi.aggregator.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API model of a totals answer: one page of rows, and up to when the data is complete. */
public record TotalsPage(
    Instant asOf, List<String> groupBy, List<Row> rows, int limit, int offset, boolean hasMore) {

  /**
   * One row: its groupBy values (with the Chinese names of regions, programs and kinds of task
   * beside their codes) and its totals. {@code quantities} holds the quantity per unit; {@code
   * quantity} and {@code unit} are there only when the row's kinds of task share one unit, since
   * quantities of different units are never added.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(
      Map<String, String> group,
      Map<String, String> names,
      long reports,
      Long quantity,
      String unit,
      Map<String, Long> quantities,
      long beneficiaries) {}
}
