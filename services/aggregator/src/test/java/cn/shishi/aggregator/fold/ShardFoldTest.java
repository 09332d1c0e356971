package cn.shishi.aggregator.fold;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.offsets.OffsetRepository;
import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A county's report filed twice on two partitions leaves its county and city cells with a row in
 * each partition's shard (its province's cells have one: both batches took the first writer slot);
 * the fold leaves one row a cell, and the totals, summed over the shards, are what they were.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ShardFoldTest {
  private static final LocalDate DAY = LocalDate.parse("2019-07-31");
  private static final String COUNTY = "440305";

  /** 广东's all-time total of the reports these tests file. */
  private static final String PROVINCE_TOTAL =
      "province_code = '44' AND program = '"
          + Pipeline.report().get("program").asText()
          + "' AND task_type = '"
          + Pipeline.report().get("taskType").asText()
          + "'";

  @Inject ShardFoldSchedule schedule;
  @Inject DataSource dataSource;
  @Inject OffsetRepository offsets;

  @Test
  void foldingLeavesOneRowACellAndEveryTotalAsItWas() throws SQLException {
    try (Pipeline pipeline = new Pipeline()) {
      // Two keys that Kafka puts on different partitions: two batches, two shards a cell.
      int first = file(pipeline, "44", 3);
      Pipeline.awaitDrained();
      int second = file(pipeline, "4403", 5);
      Pipeline.awaitDrained();
      assertThat(first).as("the two reports' partitions").isNotEqualTo(second);
    }
    Map<String, String> days = cells("rollup", "day");
    Map<String, String> months = cells("rollup_month", "month");
    assertThat(rows("rollup_shard", "day"))
        .as("before: a row in each partition's shard, the province's in the writer slot's")
        .isEqualTo(Map.of("44", 1, "4403", 2, COUNTY, 2));
    assertThat(rows("rollup_month_shard", "month"))
        .isEqualTo(Map.of("44", 1, "4403", 2, COUNTY, 2));
    assertThat(monthPartitions())
        .as("each level's month rows in a partition of its own (V20)")
        .isEqualTo(
            Map.of(
                "44",
                "rollup_month_province",
                "4403",
                "rollup_month_city",
                COUNTY,
                "rollup_month_county"));

    splitProvinceTotal();
    String allTime = provinceTotal();
    assertThat(provinceTotalRows()).isGreaterThanOrEqualTo(2);

    int folded = schedule.foldWindow(DAY.plusDays(2));

    assertThat(folded)
        .as("the day's county and city cells, the month's and the province's all-time total")
        .isGreaterThanOrEqualTo(5);
    assertThat(provinceTotal()).as("the all-time total as it was").isEqualTo(allTime);
    assertThat(provinceTotalRows()).as("in one row").isEqualTo(1);
    assertThat(rows("rollup_shard", "day")).isEqualTo(Map.of("44", 1, "4403", 1, COUNTY, 1));
    assertThat(rows("rollup_month_shard", "month"))
        .isEqualTo(Map.of("44", 1, "4403", 1, COUNTY, 1));
    assertThat(cells("rollup", "day"))
        .isEqualTo(days)
        .hasEntrySatisfying(COUNTY, totals -> assertThat(totals).startsWith("2 8 "));
    assertThat(cells("rollup_month", "month")).isEqualTo(months);
    assertThat(schedule.foldWindow(DAY.plusDays(2))).as("folded again: nothing left").isZero();
    assertThat(
            Pipeline.reports(
                Map.of("county", COUNTY, "from", DAY.toString(), "to", DAY.toString())))
        .isEqualTo(2);
  }

  @Test
  void theHoldIsOnlyTriedWhileABatchHoldsPartitions() throws SQLException {
    try (Connection batch = dataSource.getConnection()) {
      batch.setAutoCommit(false);
      try (Statement holding = batch.createStatement()) {
        holding.execute(
            "SELECT pg_advisory_xact_lock_shared(" + OffsetRepository.PARTITION_WRITERS + ")");
        assertThat(QuarkusTransaction.requiringNew().call(offsets::tryHoldPartitionWriters))
            .as("a batch at work: the fold leaves the day")
            .isFalse();
      } finally {
        batch.rollback();
      }
    }
    assertThat(QuarkusTransaction.requiringNew().call(offsets::tryHoldPartitionWriters)).isTrue();
  }

  /** Files a report of {@link #COUNTY} on {@link #DAY} under {@code key}; its partition. */
  private static int file(Pipeline pipeline, String key, int quantity) {
    ObjectNode report = Pipeline.report(COUNTY, DAY + "T10:00:00+08:00", quantity);
    return pipeline.raw(key, "report-filed", report.toString()).partition();
  }

  /** The county's, its city's and its province's cells of the day or month: rows each. */
  private Map<String, Integer> rows(String table, String period) throws SQLException {
    Map<String, Integer> rows = new TreeMap<>();
    query(
        "SELECT region_code, count(*) FROM "
            + table
            + " WHERE "
            + period
            + " = ?"
            + " AND region_code IN ('44', '4403', '"
            + COUNTY
            + "') AND program = ?"
            + " GROUP BY region_code",
        table,
        (code, result) -> rows.put(code, result.getInt(2)));
    return rows;
  }

  /**
   * Moves one report of 广东's all-time total (the test's program and kind of task) from its kept row
   * to shard 97, as batches left rows in partitions' shards before writer slots: the same total, in
   * one row more.
   */
  private void splitProvinceTotal() {
    String kept =
        PROVINCE_TOTAL
            + " AND shard = (SELECT min(shard) FROM province_total_shard WHERE "
            + PROVINCE_TOTAL
            + ")";
    Pipeline.sql(
        dataSource,
        "INSERT INTO province_total_shard (province_code, program, task_type, shard, reports,"
            + " quantity, beneficiaries) SELECT province_code, program, task_type, 97, 1, 3,"
            + " beneficiaries FROM province_total_shard WHERE "
            + kept
            + "; UPDATE province_total_shard SET reports = reports - 1, quantity = quantity - 3,"
            + " beneficiaries = 0 WHERE "
            + kept);
  }

  /**
   * 广东's all-time total for the test's program and kind of task: "reports quantity beneficiaries".
   */
  private String provinceTotal() throws SQLException {
    return provinceTotalSelect("sum(reports) || ' ' || sum(quantity) || ' ' || sum(beneficiaries)");
  }

  /** How many rows that all-time total has. */
  private int provinceTotalRows() throws SQLException {
    return Integer.parseInt(provinceTotalSelect("count(*)"));
  }

  private String provinceTotalSelect(String what) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT " + what + " FROM province_total_shard WHERE " + PROVINCE_TOTAL)) {
      row.next();
      return row.getString(1);
    }
  }

  /** The partition holding each of the cells' month rows. */
  private Map<String, String> monthPartitions() throws SQLException {
    Map<String, String> partitions = new TreeMap<>();
    query(
        "SELECT DISTINCT region_code, tableoid::regclass::text FROM rollup_month_shard"
            + " WHERE month = ? AND region_code IN ('44', '4403', '"
            + COUNTY
            + "') AND program = ?",
        "rollup_month_shard",
        (code, result) -> partitions.put(code, result.getString(2)));
    return partitions;
  }

  /**
   * The same cells' totals through the view that sums their shards: "reports quantity
   * beneficiaries".
   */
  private Map<String, String> cells(String view, String period) throws SQLException {
    Map<String, String> cells = new TreeMap<>();
    query(
        "SELECT region_code, reports, quantity, beneficiaries FROM "
            + view
            + " WHERE "
            + period
            + " = ?"
            + " AND region_code IN ('44', '4403', '"
            + COUNTY
            + "') AND program = ?",
        view,
        (code, result) ->
            cells.put(code, result.getLong(2) + " " + result.getLong(3) + " " + result.getLong(4)));
    return cells;
  }

  private interface Row {
    void accept(String code, ResultSet result) throws SQLException;
  }

  private void query(String sql, String table, Row row) throws SQLException {
    LocalDate period = table.contains("month") ? DAY.withDayOfMonth(1) : DAY;
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, period);
      select.setString(2, Pipeline.report().get("program").asText());
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          row.accept(result.getString(1).trim(), result);
        }
      }
    }
  }
}
