package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupKeyTest {
  private static final LocalDate MAY_14 = LocalDate.parse("2021-05-14");
  private static final LocalDate MAY_15 = LocalDate.parse("2021-05-15");

  @Test
  void cellsSortByRegionThenDayWithoutADayFirstThenProgramThenKindOfTask() {
    List<RollupKey> sorted =
        List.of(
            new RollupKey("33", null, "warm-nest", "household-helped"),
            new RollupKey("33", MAY_14, "warm-nest", "household-helped"),
            new RollupKey("33", MAY_15, "safe-home", "lecture-held"),
            new RollupKey("33", MAY_15, "warm-nest", "household-helped"),
            new RollupKey("33", MAY_15, "warm-nest", "lecture-held"),
            new RollupKey("3304", MAY_14, "safe-home", "household-helped"));
    List<RollupKey> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);

    assertThat(shuffled).containsExactlyElementsOf(sorted);
  }

  @Test
  void equalCellsAndOnlyThoseCompareAsEqual() {
    RollupKey cell = new RollupKey("330402", MAY_14, "warm-nest", "household-helped");

    assertThat(cell.compareTo(new RollupKey("330402", MAY_14, "warm-nest", "household-helped")))
        .isZero();
    assertThat(cell.compareTo(new RollupKey("330402", null, "warm-nest", "household-helped")))
        .isPositive();
    assertThat(new RollupKey("330402", null, "warm-nest", "household-helped").compareTo(cell))
        .isNegative();
  }
}
