package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupDeltaTest {
  private static final LocalDate DAY = LocalDate.parse("2021-05-14");

  private static Contribution county(int quantity, int beneficiaries) {
    return new Contribution(
        "330402", DAY, "warm-nest", "household-helped", quantity, beneficiaries);
  }

  private static RollupKey key(String region) {
    return new RollupKey(region, DAY, "warm-nest", "household-helped");
  }

  @Test
  void aCountyReportCountsInItsCountyCityAndProvince() {
    RollupDelta delta = new RollupDelta();
    delta.add(county(2, 5));
    assertThat(delta.changes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                key("330402"), new Totals(1, 2, 5),
                key("3304"), new Totals(1, 2, 5),
                key("33"), new Totals(1, 2, 5)));
  }

  @Test
  void aCityOfficesReportCountsInTheCitysOwnLevelCell() {
    RollupDelta delta = new RollupDelta();
    delta.add(new Contribution("330400", DAY, "warm-nest", "household-helped", 1, 0));
    assertThat(delta.changes().keySet())
        .containsExactlyInAnyOrder(key("330400"), key("3304"), key("33"));
  }

  @Test
  void preAggregatesManyReportsIntoOneChangePerCell() {
    RollupDelta delta = new RollupDelta();
    for (int i = 0; i < 1000; i++) {
      delta.add(county(3, 1));
    }
    assertThat(delta.changes()).hasSize(3);
    assertThat(delta.changes().get(key("33"))).isEqualTo(new Totals(1000, 3000, 1000));
  }

  @Test
  void aWithdrawalInTheSameBatchCancelsOutAndLeavesNoChange() {
    RollupDelta delta = new RollupDelta();
    delta.add(county(2, 5));
    delta.subtract(county(2, 5));
    assertThat(delta.isEmpty()).isTrue();
  }

  @Test
  void changesReadBeforeLaterReportsStillCountThem() {
    RollupDelta delta = new RollupDelta();
    delta.add(county(2, 5));
    assertThat(delta.changes()).hasSize(3);
    delta.add(county(1, 0));
    delta.subtract(county(2, 5));
    assertThat(delta.changes().get(key("330402"))).isEqualTo(new Totals(1, 1, 0));
    assertThat(delta.changes().get(key("33"))).isEqualTo(new Totals(1, 1, 0));
  }

  @Test
  void aWithdrawalAloneIsANegativeChange() {
    RollupDelta delta = new RollupDelta();
    delta.subtract(county(2, 5));
    assertThat(delta.changes().get(key("3304"))).isEqualTo(new Totals(-1, -2, -5));
  }

  @Test
  void cellsKeepTheirDayProgramAndTaskTypeApart() {
    RollupDelta delta = new RollupDelta();
    delta.add(county(1, 0));
    delta.add(new Contribution("330402", DAY.plusDays(1), "warm-nest", "household-helped", 1, 0));
    delta.add(new Contribution("330402", DAY, "practical-deeds", "household-helped", 1, 0));
    delta.add(new Contribution("330402", DAY, "warm-nest", "lecture", 1, 0));
    assertThat(delta.changes()).hasSize(12);
  }

  @Test
  void totalsNeverOverflowSilently() {
    Totals nearMax = new Totals(Long.MAX_VALUE, 0, 0);
    assertThatThrownBy(() -> nearMax.plus(new Totals(1, 0, 0)))
        .isInstanceOf(ArithmeticException.class);
  }
}
