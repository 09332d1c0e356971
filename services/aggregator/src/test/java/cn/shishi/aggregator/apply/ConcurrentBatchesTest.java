package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two batches of different partitions that add to the same cells, at the same time, against the
 * real database: the second must not wait for the first's row locks (ADR 0012, V15), and their
 * province rows go to distinct writer slots; and a batch of two partitions writes a county's and a
 * city's changes to their partition's shard, a province's to its writer slot's. Every transaction
 * rolls back, so the database is left as found; their partitions (40 to 45) are not the pipeline's.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ConcurrentBatchesTest {
  private static final String TOPIC = "concurrent-batches-test";
  private static final String DAY = "2019-03-07";

  @Inject BatchApplier applier;
  @Inject DataSource dataSource;
  @Inject TransactionManager transactions;

  @Test
  void batchesOfDifferentPartitionsAddingToTheSameCellsNeverWaitForEachOther() throws Exception {
    CompletableFuture<Integer> applied = new CompletableFuture<>();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () -> {
              begin();
              try {
                applier.apply(batch(40));
                applied.complete(slot());
                awaitQuietly(release);
              } finally {
                rollback();
              }
            });
    try {
      // Whichever comes first: the first batch applied and waiting, or its failure.
      CompletableFuture.anyOf(applied, first).join();
      List<String> rows;
      int slot;
      begin();
      try {
        // Any wait for the first batch's rows fails at once instead.
        execute("SET LOCAL lock_timeout = '1ms'");
        applier.apply(batch(41));
        rows = shards();
        slot = slot();
      } finally {
        rollback();
      }
      assertThat(slot).as("the writer slots of two batches at work").isNotEqualTo(applied.join());
      assertThat(rows)
          .as("the second batch's own rows: province, city, county")
          .containsExactly(slot + "|3|33", "41|3|3304", "41|3|330402");
    } finally {
      release.countDown();
      first.join();
    }
    assertThat(shards()).as("both rolled back").isEmpty();
  }

  @Test
  void countiesAndCitiesCountInTheShardOfTheirRecordsPartitionProvincesInTheWritersSlot()
      throws Exception {
    List<String> rows;
    int slot;
    begin();
    try {
      List<BatchItem> items = new ArrayList<>(batch(42).items());
      items.addAll(batch(43).items().subList(0, 2));
      applier.apply(new EventBatch(TOPIC, items));
      rows = shards();
      slot = slot();
    } finally {
      rollback();
    }
    // A county's and a city's rows follow the partitions that carry their reports, not how a poll
    // was split into batches; a province's change is summed into the batch's writer slot.
    assertThat(rows)
        .containsExactlyInAnyOrder(
            slot + "|5|33", "42|3|3304", "42|3|330402", "43|2|3304", "43|2|330402");
  }

  @Test
  void monthCellsAndProvinceTotalsAreTheBatchsDayRowsSummedShardByShard() throws Exception {
    FiledReport counted = Items.report(44, 0, "2019-03-20T10:30:00+08:00");
    List<String> months;
    List<String> provinceTotal;
    begin();
    try {
      applier.apply(new EventBatch(TOPIC, List.of(counted)));
      String before = provinceTotal();
      // Partition 45 counts two reports in March and one in April, and takes the report of
      // partition 44 back out of March: in its own shard, March's change cancels out.
      applier.apply(
          new EventBatch(
              TOPIC,
              List.of(
                  Items.report(45, 0, "2019-03-07T10:30:00+08:00"),
                  Items.report(45, 1, "2019-04-02T10:30:00+08:00"),
                  Items.report(45, 2, "2019-04-29T10:30:00+08:00"),
                  new Withdrawal(
                      counted.reportId(),
                      counted.officeId(),
                      "filed twice",
                      counted.receivedAt(),
                      new RecordPosition(45, 3),
                      "clerk-1",
                      false))));
      months = months();
      provinceTotal = List.of(before, provinceTotal());
    } finally {
      rollback();
    }
    assertThat(months)
        .as("county and city rows in their partition's shard, none for a sum that cancels out")
        .containsExactly(
            "44|2019-03-01|1|1|2|3304",
            "44|2019-03-01|1|1|2|330402",
            "45|2019-04-01|2|2|4|3304",
            "45|2019-04-01|2|2|4|330402");
    assertThat(provinceTotal.get(1))
        .as("the province's all-time totals: two more reports, as the day rows say")
        .isEqualTo(add(provinceTotal.get(0), 2, 2, 4));
  }

  @Test
  void aProvincesChangesFromTwoPartitionsAreSummedInItsSlotBeforeTheyCancel() throws Exception {
    // In one batch, partition 40 takes a March report of partition 44 back out and partition 41
    // counts another in March: the county's and the city's months change in both partitions'
    // shards, and the province's sums, in the batch's writer slot, cancel out.
    Refiled sameQuantity = withdrawnAndFiledAgain(1);
    assertThat(sameQuantity.countyAndCityMonths())
        .as("county and city months in each partition's shard")
        .containsExactly(
            "40|2019-03-01|-1|-1|-2|3304",
            "40|2019-03-01|-1|-1|-2|330402",
            "41|2019-03-01|1|1|2|3304",
            "41|2019-03-01|1|1|2|330402");
    assertThat(sameQuantity.provinceMonth())
        .as("the province's month in the slot, unchanged")
        .containsExactly("2019-03-01|1|1|2|33", "2019-03-01|1|1|2|33");
    assertThat(sameQuantity.provinceTotal().get(1))
        .as("its totals unchanged")
        .isEqualTo(sameQuantity.provinceTotal().get(0));

    // The same with a report of quantity 3: the reports cancel, the quantity does not.
    Refiled moreQuantity = withdrawnAndFiledAgain(3);
    assertThat(moreQuantity.provinceMonth())
        .as("the province's month in the slot: no report more, a quantity of 2 more")
        .containsExactly("2019-03-01|1|1|2|33", "2019-03-01|1|3|2|33");
    assertThat(moreQuantity.provinceTotal().get(1))
        .as("its totals: the same reports, a quantity of 2 more")
        .isEqualTo(add(moreQuantity.provinceTotal().get(0), 0, 2, 0));
  }

  /**
   * Shards 40 and 41's county and city months; the province's month and totals, before and after.
   */
  private record Refiled(
      List<String> countyAndCityMonths, List<String> provinceMonth, List<String> provinceTotal) {}

  /**
   * Counts a March report at partition 44, then in one batch withdraws it at partition 40 and
   * counts another of {@code quantity} at 41, and rolls back. Both batches hold the same writer
   * slot (one transaction), where the province's rows go.
   */
  private Refiled withdrawnAndFiledAgain(int quantity) {
    FiledReport counted = Items.report(44, 0, "2019-03-20T10:30:00+08:00");
    begin();
    try {
      applier.apply(new EventBatch(TOPIC, List.of(counted)));
      String monthBefore = String.join(",", provinceMonths(slot()));
      String totalBefore = provinceTotal();
      applier.apply(
          new EventBatch(
              TOPIC,
              List.of(
                  new Withdrawal(
                      counted.reportId(),
                      counted.officeId(),
                      "filed twice",
                      counted.receivedAt(),
                      new RecordPosition(40, 0),
                      "clerk-1",
                      false),
                  Items.report(41, 0, "2019-03-07T10:30:00+08:00", quantity))));
      return new Refiled(
          months(40, 41),
          List.of(monthBefore, String.join(",", provinceMonths(slot()))),
          List.of(totalBefore, provinceTotal()));
    } finally {
      rollback();
    }
  }

  /** The writer slot this transaction holds (the pipeline's own batches may hold others). */
  private int slot() {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2"
                    + " AND classid = "
                    + RollupWriter.WRITER_SLOT_LOCKS
                    + " AND pid = pg_backend_pid()")) {
      assertThat(row.next()).as("a writer slot held").isTrue();
      int slot = row.getInt(1);
      assertThat(row.next()).as("one writer slot").isFalse();
      return slot;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Three reports of county 330402 completed on {@link #DAY}, at offsets 0 to 2 of {@code p}. */
  private static EventBatch batch(int partition) {
    List<BatchItem> items = new ArrayList<>();
    for (int offset = 0; offset < 3; offset++) {
      items.add(Items.report(partition, offset, DAY + "T10:30:00+08:00"));
    }
    return new EventBatch(TOPIC, items);
  }

  /** The day's rows in every shard this transaction sees: shard, reports and region. */
  private List<String> shards() {
    return Pipeline.column(
        dataSource,
        "SELECT shard || '|' || reports || '|' || region_code FROM rollup_shard WHERE day = '"
            + DAY
            + "' ORDER BY region_code");
  }

  /** County and city month cells of March and April 2019 in shards 44 and 45. */
  private List<String> months() {
    return months(44, 45);
  }

  /** County and city month cells of March and April 2019 in two shards. */
  private List<String> months(int shard, int otherShard) {
    return Pipeline.column(
        dataSource,
        "SELECT concat_ws('|', shard, month, reports, quantity, beneficiaries, region_code)"
            + " FROM rollup_month_shard WHERE region_level > 2 AND shard IN ("
            + shard
            + ", "
            + otherShard
            + ") AND month IN ('2019-03-01', '2019-04-01') ORDER BY shard, month, region_code");
  }

  /** The test province's month cells of March and April 2019 in one shard. */
  private List<String> provinceMonths(int shard) {
    return Pipeline.column(
        dataSource,
        "SELECT concat_ws('|', month, reports, quantity, beneficiaries, region_code)"
            + " FROM rollup_month_shard WHERE region_code = '33' AND program = 'warm-nest'"
            + " AND task_type = 'household-helped' AND shard = "
            + shard
            + " AND month IN ('2019-03-01', '2019-04-01') ORDER BY month");
  }

  /** The test cells' province total over all shards: reports, quantity, beneficiaries. */
  private String provinceTotal() {
    return Pipeline.column(
            dataSource,
            "SELECT concat_ws('|', coalesce(sum(reports), 0), coalesce(sum(quantity), 0),"
                + " coalesce(sum(beneficiaries), 0)) FROM province_total_shard"
                + " WHERE province_code = '33' AND program = 'warm-nest'"
                + " AND task_type = 'household-helped'")
        .get(0);
  }

  private static String add(String totals, long reports, long quantity, long beneficiaries) {
    String[] parts = totals.split("\\|");
    return (Long.parseLong(parts[0]) + reports)
        + "|"
        + (Long.parseLong(parts[1]) + quantity)
        + "|"
        + (Long.parseLong(parts[2]) + beneficiaries);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  /** A transaction of this thread's own (QuarkusTransaction.begin needs a request scope). */
  private void begin() {
    try {
      transactions.begin();
    } catch (jakarta.transaction.NotSupportedException | SystemException e) {
      throw new IllegalStateException(e);
    }
  }

  private void rollback() {
    try {
      transactions.rollback();
    } catch (SystemException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
