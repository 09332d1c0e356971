package cn.shishi.aggregator.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A question about the rollups: which cells (filters), summed by which dimensions (groupBy), and
 * which page of the answer.
 */
public record TotalsQuery(
    Optional<String> province,
    Optional<String> city,
    Optional<String> county,
    Optional<String> program,
    Optional<String> taskType,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    List<Dimension> groupBy,
    int limit,
    int offset) {

  /** What totals can be grouped by. */
  public enum Dimension {
    PROVINCE("province"),
    CITY("city"),
    COUNTY("county"),
    PROGRAM("program"),
    TASK_TYPE("taskType"),
    DAY("day"),
    MONTH("month");

    private final String apiName;

    Dimension(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }

    public static Optional<Dimension> ofApiName(String name) {
      for (Dimension dimension : values()) {
        if (dimension.apiName.equals(name)) {
          return Optional.of(dimension);
        }
      }
      return Optional.empty();
    }
  }

  /** The same question about the region with this 2-, 4- or 6-digit code. */
  public TotalsQuery withRegion(String code) {
    return new TotalsQuery(
        Optional.of(code.substring(0, 2)),
        code.length() >= 4 ? Optional.of(code.substring(0, 4)) : Optional.empty(),
        code.length() == 6 ? Optional.of(code) : Optional.empty(),
        program,
        taskType,
        from,
        to,
        groupBy,
        limit,
        offset);
  }

  /** The same question grouped by one dimension, from the first row. */
  public TotalsQuery grouped(Dimension dimension, int pageSize) {
    return new TotalsQuery(
        province, city, county, program, taskType, from, to, List.of(dimension), pageSize, 0);
  }

  /**
   * The finest region level the question needs: the rollups hold each level's cells, so a national
   * question reads province cells and never sums counties.
   */
  public int regionLevel() {
    if (county.isPresent() || groupBy.contains(Dimension.COUNTY)) {
      return 6;
    }
    if (city.isPresent() || groupBy.contains(Dimension.CITY)) {
      return 4;
    }
    return 2;
  }
}
