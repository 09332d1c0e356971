package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.apply.RollupKey;
import cn.shishi.aggregator.apply.Totals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceDriftTest {
  private static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
  private static final ProvinceSlice FUJIAN = ProvinceSlice.holding("35", 12);
  private static final ProvinceSlice ZHEJIANG = ProvinceSlice.holding("33", 12);

  @Test
  void addsUpTheLastCheckOfEachSlice() {
    SliceDrift drift = new SliceDrift(12);

    drift.record(FUJIAN, T0, List.of(cell("350104"), cell("3501")));
    drift.record(ZHEJIANG, T0.plusSeconds(300), List.of(cell("330402")));

    assertThat(drift.total()).isEqualTo(3);

    drift.record(FUJIAN, T0.plusSeconds(600), List.of());
    assertThat(drift.total()).isEqualTo(1);
  }

  @Test
  void knowsWhenTheNewestCheckOfAnySliceStarted() {
    SliceDrift drift = new SliceDrift(12);
    assertThat(drift.newest()).as("none yet").isEqualTo(Instant.MIN);

    drift.record(ProvinceSlice.ALL, T0, List.of());
    drift.record(new ProvinceSlice(0, 12), T0.plusSeconds(100), List.of());
    drift.record(new ProvinceSlice(5, 12), T0.plusSeconds(300), List.of());
    drift.record(new ProvinceSlice(7, 12), T0.plusSeconds(120), List.of());
    drift.record(new ProvinceSlice(11, 12), T0.plusSeconds(200), List.of());

    assertThat(drift.newest())
        .as("the sixth slice's, neither the first nor the last")
        .isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void aCheckOfEverythingCountsForEachSlice() {
    SliceDrift drift = new SliceDrift(12);
    drift.record(FUJIAN, T0, List.of(cell("350104")));

    drift.record(ProvinceSlice.ALL, T0.plusSeconds(60), List.of(cell("330402"), cell("11")));

    assertThat(drift.total()).as("福建 is clean now; 浙江 and 北京 are not").isEqualTo(2);
  }

  @Test
  void anOlderCheckFinishingLaterDoesNotOverwriteANewerOne() {
    SliceDrift drift = new SliceDrift(12);
    drift.record(FUJIAN, T0.plusSeconds(30), List.of());

    // An audit of everything that started before 福建's scheduled check, and finished after it.
    drift.record(ProvinceSlice.ALL, T0, List.of(cell("350104"), cell("330402")));

    assertThat(drift.total()).as("only 浙江's cell, from the audit").isEqualTo(1);
  }

  @Test
  void saysWhichSlicesACheckWasTheNewestOf() {
    SliceDrift drift = new SliceDrift(12);
    drift.record(FUJIAN, T0.plusSeconds(30), List.of());

    List<SliceCheck> newest =
        drift.record(ProvinceSlice.ALL, T0, List.of(cell("350104"), cell("330402")));

    assertThat(newest).hasSize(11).doesNotContain(new SliceCheck(FUJIAN, T0, 1));
    assertThat(newest).contains(new SliceCheck(ZHEJIANG, T0, 1));
  }

  @Test
  void takesInKeptChecksUnlessItKnowsNewerOnes() {
    SliceDrift drift = new SliceDrift(12);
    drift.record(FUJIAN, T0.plusSeconds(30), List.of());

    drift.restore(
        List.of(
            new SliceCheck(FUJIAN, T0, 4),
            new SliceCheck(ZHEJIANG, T0, 2),
            new SliceCheck(new ProvinceSlice(1, 6), T0, 9)));

    assertThat(drift.total()).as("浙江's kept check; 福建's is older; another count's").isEqualTo(2);
    assertThat(drift.checkedAt())
        .containsOnly(Instant.MIN, T0, T0.plusSeconds(30))
        .filteredOn(at -> at.equals(Instant.MIN))
        .hasSize(10);
  }

  private static CellDrift cell(String region) {
    return new CellDrift(
        "day",
        new RollupKey(region, LocalDate.parse("2021-05-04"), "warm-nest", "household-helped"),
        new Totals(1, 2, 3),
        new Totals(1, 2, 4));
  }
}
