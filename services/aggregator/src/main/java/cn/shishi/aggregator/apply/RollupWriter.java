package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.apply.PartitionDeltas.ShardRow;
import cn.shishi.aggregator.jdbc.AdvisoryLocks;
import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Adds a batch's rollup changes to the rollups: the day cells, the month cells and the all-time
 * province totals, a statement a level, whatever the batch's size.
 *
 * <p>Each cell is kept in shards, summed by the views {@code rollup}, {@code rollup_month} and
 * {@code province_total} (V15). A province's cells are written from every partition that carries
 * one of its cities, and a county's from its city's partition and its province office's (ADR 0012);
 * in one row per cell, batches of different partitions waited for one another's row locks (B6 in
 * docs/benchmarks.md: 14 %, 25 % and 37 % of transaction time with 1, 2 and 3 instances). A batch
 * writes a county's or a city's changes only to the shards of partitions whose offset rows it holds
 * locked, and a province's to the shard of its writer slot, the first of the {@link
 * #WRITER_SLOT_LOCKS} locks that no other transaction holds ({@link PartitionDeltas} says which
 * goes where): concurrent batches hold disjoint partitions and distinct slots, so they never write
 * the same row.
 */
@ApplicationScoped
public class RollupWriter {
  private static final String UPSERT_DAYS = upsert("rollup_shard", "day", "shard");

  /** Month cells are partitioned by level (V20), so their key holds the level. */
  private static final String UPSERT_MONTHS =
      upsert("rollup_month_shard", "month", "shard, region_level");

  private static final String UPSERT_PROVINCE_TOTALS =
      "INSERT INTO province_total_shard (province_code, program, task_type, reports, quantity,"
          + " beneficiaries, shard)"
          + " SELECT d.province, d.program, d.task_type, d.reports, d.quantity, d.beneficiaries,"
          + " d.shard FROM unnest(?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[],"
          + " ?::int8[], ?::int2[])"
          + " AS d(province, program, task_type, reports, quantity, beneficiaries, shard)"
          + " ON CONFLICT (province_code, program, task_type, shard) DO UPDATE SET"
          + " reports = province_total_shard.reports + EXCLUDED.reports,"
          + " quantity = province_total_shard.quantity + EXCLUDED.quantity,"
          + " beneficiaries = province_total_shard.beneficiaries + EXCLUDED.beneficiaries";

  /**
   * The space of the writer slots' advisory locks (with a second number, the slot), apart from the
   * single-number locks of {@code OffsetRepository} and the reconciliation.
   */
  static final int WRITER_SLOT_LOCKS = 5_174_004;

  private final DataSource dataSource;

  public RollupWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Adds {@code table}'s share of a batch to its cells, whose time column is {@code period} and
   * whose unique key ends with {@code keyTail}.
   */
  private static String upsert(String table, String period, String keyTail) {
    return "INSERT INTO "
        + table
        + " (region_code, "
        + period
        + ", program, task_type, region_level, province_code, city_code, reports, quantity,"
        + " beneficiaries, shard)"
        + " SELECT d.region, d.period::date, d.program, d.task_type, length(d.region),"
        + " left(d.region, 2), CASE WHEN length(d.region) >= 4 THEN left(d.region, 4) END,"
        + " d.reports, d.quantity, d.beneficiaries, d.shard"
        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[],"
        + " ?::int8[], ?::int2[])"
        + " AS d(region, period, program, task_type, reports, quantity, beneficiaries, shard)"
        + " ON CONFLICT (region_code, "
        + period
        + ", program, task_type, "
        + keyTail
        + ") DO UPDATE SET"
        + " reports = "
        + table
        + ".reports + EXCLUDED.reports, quantity = "
        + table
        + ".quantity + EXCLUDED.quantity, beneficiaries = "
        + table
        + ".beneficiaries + EXCLUDED.beneficiaries";
  }

  /**
   * Adds a batch's changes to their cells' rows, each in the shard {@link PartitionDeltas} gives
   * it: day cells, month cells, then the provinces' all-time totals. The caller holds the offset
   * rows of the partitions the counties' and cities' shards are numbered like, and this transaction
   * takes a writer slot for the provinces', so no other transaction writes these rows meanwhile.
   */
  public void apply(PartitionDeltas deltas) {
    try (Connection c = dataSource.getConnection()) {
      int slot = AdvisoryLocks.firstFree(c, WRITER_SLOT_LOCKS);
      upsert(c, UPSERT_DAYS, deltas.rows(RollupDelta::changes, slot), false);
      upsert(c, UPSERT_MONTHS, deltas.rows(RollupDelta::monthChanges, slot), false);
      upsert(c, UPSERT_PROVINCE_TOTALS, deltas.rows(RollupDelta::provinceTotalChanges, slot), true);
    } catch (SQLException e) {
      throw new PersistenceFailure("applying rollup changes", e);
    }
  }

  private static void upsert(Connection c, String sql, List<ShardRow> rows, boolean withoutPeriod)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = c.prepareStatement(sql)) {
      int i = 1;
      upsert.setObject(i++, Sql.texts(rows, row -> row.cell().regionCode()));
      if (!withoutPeriod) {
        upsert.setObject(i++, Sql.texts(rows, row -> row.cell().day()));
      }
      upsert.setObject(i++, Sql.texts(rows, row -> row.cell().program()));
      upsert.setObject(i++, Sql.texts(rows, row -> row.cell().taskType()));
      upsert.setObject(i++, Sql.longs(rows, row -> row.change().reports()));
      upsert.setObject(i++, Sql.longs(rows, row -> row.change().quantity()));
      upsert.setObject(i++, Sql.longs(rows, row -> row.change().beneficiaries()));
      upsert.setObject(i, Sql.longs(rows, ShardRow::shard));
      upsert.executeUpdate();
    }
  }
}
