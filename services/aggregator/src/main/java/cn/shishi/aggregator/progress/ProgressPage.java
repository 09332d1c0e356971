package cn.shishi.aggregator.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The API model of a progress answer: per group and unit, the targets' sum, what the rollups hold
 * for them (each target over its own period), the ratio and what remains.
 */
public record ProgressPage(
    String level, List<String> groupBy, List<Row> rows, int limit, int offset, boolean hasMore) {

  /** One group's targets in one unit. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(
      Map<String, String> group,
      Map<String, String> names,
      String unit,
      int targets,
      long target,
      long achieved,
      BigDecimal ratio,
      long remaining) {}
}
