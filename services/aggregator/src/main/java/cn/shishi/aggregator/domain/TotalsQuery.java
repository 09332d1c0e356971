package cn.shishi.aggregator.domain;

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
