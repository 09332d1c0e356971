package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.apply.PartitionDeltas.ShardRow;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartitionDeltasTest {
  private static final LocalDate DAY = LocalDate.parse("2021-05-14");

  private static Contribution report(String county) {
    return new Contribution(county, DAY, "warm-nest", "household-helped", 2, 5);
  }

  private static ShardRow row(String region, int reports, int shard) {
    return new ShardRow(
        new RollupKey(region, DAY, "warm-nest", "household-helped"),
        new Totals(reports, 2L * reports, 5L * reports),
        shard);
  }

  @Test
  void countiesAndCitiesGoToTheirRecordsPartitionProvincesToTheWritersSlot() {
    PartitionDeltas deltas = new PartitionDeltas();
    deltas.of(7).add(report("330402"));
    deltas.of(3).add(report("330402"));
    deltas.of(3).add(report("330402"));
    deltas.of(7).add(report("330521"));

    assertThat(deltas.rows(1))
        .containsExactly(
            row("33", 4, 1),
            row("3304", 2, 3),
            row("3304", 1, 7),
            row("330402", 2, 3),
            row("330402", 1, 7),
            row("3305", 1, 7),
            row("330521", 1, 7));
  }

  @Test
  void aProvinceChangeThatCancelsOutAcrossPartitionsIsNotWritten() {
    PartitionDeltas deltas = new PartitionDeltas();
    deltas.of(4).add(report("330402"));
    deltas.of(9).subtract(report("330521"));

    assertThat(deltas.rows(0)).extracting(row -> row.cell().regionCode()).doesNotContain("33");
    assertThat(deltas.rows(0)).extracting(ShardRow::shard).containsOnly(4, 9);
    assertThat(deltas.changedCells())
        .extracting(RollupKey::regionCode)
        .containsExactlyInAnyOrder("330402", "3304", "330521", "3305");
  }

  @Test
  void everyChangedCellIsNamedOnceWhicheverPartitionsChangedItUnlessTheyCancelOut() {
    PartitionDeltas deltas = new PartitionDeltas();
    deltas.of(1).add(report("330402"));
    deltas.of(2).add(report("330402"));
    deltas.of(3).add(report("330521"));
    deltas.of(5).subtract(report("330521"));

    assertThat(deltas.changedCells())
        .extracting(RollupKey::regionCode)
        .containsExactlyInAnyOrder("33", "3304", "330402");
  }
}
