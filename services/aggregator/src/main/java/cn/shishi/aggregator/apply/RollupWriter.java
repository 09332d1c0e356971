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
 * province totals, in one statement whatever the batch's size.
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
  private static final String MONTH = "date_trunc('month', day::timestamp)::date";
  private static final String SUMS = "sum(reports), sum(quantity), sum(beneficiaries)";
  private static final String NOT_CANCELLED =
      " HAVING sum(reports) <> 0 OR sum(quantity) <> 0 OR sum(beneficiaries) <> 0";

  /**
   * A batch's day rows, sent once: upserted into the day cells, and summed by month (and, for the
   * provinces, over all days) into the month cells and the all-time province totals of the same
   * shards. Summed here, not in Java, they take two of the three sets of array parameters and most
   * of building the batch's rows off the aggregator (B2 in docs/benchmarks.md, 2026-12-05). A sum
   * that cancels out is not written, as a day cell's change that cancels out is not sent. The month
   * and province sums are inserted in key order; the day rows in the order sent, key order, which
   * the materialised {@code d} keeps in practice though SQL does not promise it. Key order costs
   * PostgreSQL less than a random one (B2, 2026-12-02); no deadlock depends on it (ADR 0002).
   */
  private static final String UPSERT_CELLS =
      "WITH d AS MATERIALIZED (SELECT d.region, d.day::date AS day, d.program, d.task_type,"
          + " d.reports, d.quantity, d.beneficiaries, d.shard"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[],"
          + " ?::int8[], ?::int2[])"
          + " AS d(region, day, program, task_type, reports, quantity, beneficiaries, shard)),"
          + " days AS ("
          + insert("rollup_shard", "day", "day", "reports, quantity, beneficiaries")
          + " FROM d"
          + addTo("rollup_shard", "day", "shard")
          + "), months AS ("
          + insert("rollup_month_shard", "month", MONTH, SUMS)
          + " FROM d GROUP BY region, "
          + MONTH
          + ", program, task_type, shard"
          + NOT_CANCELLED
          + " ORDER BY region, 2, program, task_type, shard"
          + addTo("rollup_month_shard", "month", "shard, region_level")
          + ") INSERT INTO province_total_shard (province_code, program, task_type, reports,"
          + " quantity, beneficiaries, shard)"
          + " SELECT region, program, task_type, "
          + SUMS
          + ", shard FROM d WHERE length(region) = 2 GROUP BY region, program, task_type, shard"
          + NOT_CANCELLED
          + " ORDER BY region, program, task_type, shard"
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
   * The insert of the day rows {@code d} into {@code table}, its time column {@code period} being
   * {@code time} of a row and its totals {@code totals} (sums where the caller groups the rows).
   */
  private static String insert(String table, String period, String time, String totals) {
    return "INSERT INTO "
        + table
        + " (region_code, "
        + period
        + ", program, task_type, region_level, province_code, city_code, reports, quantity,"
        + " beneficiaries, shard)"
        + " SELECT region, "
        + time
        + ", program, task_type, length(region), left(region, 2),"
        + " CASE WHEN length(region) >= 4 THEN left(region, 4) END, "
        + totals
        + ", shard";
  }

  /**
   * Adds the inserted totals to those of a cell already there; {@code keyTail} ends {@code table}'s
   * unique key.
   */
  private static String addTo(String table, String period, String keyTail) {
    return " ON CONFLICT (region_code, "
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
   * it: day cells, month cells and the provinces' all-time totals, in one statement. The caller
   * holds the offset rows of the partitions the counties' and cities' shards are numbered like, and
   * this transaction takes a writer slot for the provinces', so no other transaction writes these
   * rows meanwhile.
   */
  public void apply(PartitionDeltas deltas) {
    try (Connection c = dataSource.getConnection()) {
      List<ShardRow> rows = deltas.rows(AdvisoryLocks.firstFree(c, WRITER_SLOT_LOCKS));
      if (rows.isEmpty()) {
        return;
      }
      try (PreparedStatement upsert = c.prepareStatement(UPSERT_CELLS)) {
        upsert.setObject(1, Sql.texts(rows, row -> row.cell().regionCode()));
        upsert.setObject(2, Sql.texts(rows, row -> row.cell().day()));
        upsert.setObject(3, Sql.texts(rows, row -> row.cell().program()));
        upsert.setObject(4, Sql.texts(rows, row -> row.cell().taskType()));
        upsert.setObject(5, Sql.longs(rows, row -> row.change().reports()));
        upsert.setObject(6, Sql.longs(rows, row -> row.change().quantity()));
        upsert.setObject(7, Sql.longs(rows, row -> row.change().beneficiaries()));
        upsert.setObject(8, Sql.longs(rows, ShardRow::shard));
        upsert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("applying rollup changes", e);
    }
  }
}
