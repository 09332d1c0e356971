package cn.shishi.aggregator.fold;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Sums the shard rows of each cell of one day (or month), or of each all-time total, into the
 * cell's smallest shard and deletes the others: the cell's total, which the views and every reader
 * sum over its shards, is the same before and after. A cell with one row is left alone.
 */
@ApplicationScoped
public class ShardFoldRepository {
  private static final String FOLD_DAY = fold("rollup_shard", "day");
  private static final String FOLD_MONTH = fold("rollup_month_shard", "month");
  private static final String SHARDED_DAY = sharded("rollup_shard", "day");
  private static final String SHARDED_MONTH = sharded("rollup_month_shard", "month");

  private static final String SHARDED_PROVINCE_TOTALS =
      "SELECT EXISTS (SELECT 1 FROM province_total_shard"
          + " GROUP BY province_code, program, task_type HAVING count(*) > 1)";

  /** As {@link #fold}, for the all-time totals, which have no period. */
  private static final String FOLD_PROVINCE_TOTALS =
      "WITH cells AS (SELECT province_code, program, task_type, min(shard) AS keep"
          + " FROM province_total_shard GROUP BY province_code, program, task_type"
          + " HAVING count(*) > 1),"
          + " moved AS (DELETE FROM province_total_shard s USING cells c"
          + " WHERE s.province_code = c.province_code AND s.program = c.program"
          + " AND s.task_type = c.task_type AND s.shard <> c.keep"
          + " RETURNING s.province_code, s.program, s.task_type, s.reports, s.quantity,"
          + " s.beneficiaries),"
          + " sums AS (SELECT province_code, program, task_type, sum(reports) AS reports,"
          + " sum(quantity) AS quantity, sum(beneficiaries) AS beneficiaries FROM moved"
          + " GROUP BY province_code, program, task_type)"
          + " UPDATE province_total_shard t SET reports = t.reports + sums.reports,"
          + " quantity = t.quantity + sums.quantity,"
          + " beneficiaries = t.beneficiaries + sums.beneficiaries"
          + " FROM sums JOIN cells c USING (province_code, program, task_type)"
          + " WHERE t.province_code = sums.province_code AND t.program = sums.program"
          + " AND t.task_type = sums.task_type AND t.shard = c.keep";

  private final DataSource dataSource;

  public ShardFoldRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Folds the day cells of {@code day}; returns how many cells had more than one row. */
  public int foldDay(LocalDate day) {
    return run(FOLD_DAY, "day " + day, thrice(day));
  }

  /** Folds the month cells of the month that starts on {@code month}; the cells folded. */
  public int foldMonth(LocalDate month) {
    return run(FOLD_MONTH, "month " + month, thrice(month));
  }

  /** Folds the all-time totals; how many cells had more than one row. */
  public int foldProvinceTotals() {
    return run(FOLD_PROVINCE_TOTALS, "the all-time totals");
  }

  /** Whether an all-time total has more than one row. */
  public boolean shardedProvinceTotals() {
    return exists(SHARDED_PROVINCE_TOTALS, "the all-time totals");
  }

  /** Whether a cell of {@code day} has more than one row: a fold would change something. */
  public boolean shardedDay(LocalDate day) {
    return exists(SHARDED_DAY, "day " + day, java.sql.Date.valueOf(day));
  }

  /** Whether a cell of the month starting on {@code month} has more than one row. */
  public boolean shardedMonth(LocalDate month) {
    return exists(SHARDED_MONTH, "month " + month, java.sql.Date.valueOf(month));
  }

  /** A fold statement names its period three times. */
  private static Object[] thrice(LocalDate period) {
    java.sql.Date date = java.sql.Date.valueOf(period);
    return new Object[] {date, date, date};
  }

  private boolean exists(String sql, String what, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      Sql.bind(c, select, Arrays.asList(params));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("looking for shard rows of " + what, e);
    }
  }

  private int run(String sql, String what, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement fold = c.prepareStatement(sql)) {
      Sql.bind(c, fold, Arrays.asList(params));
      return fold.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("folding the shards of " + what, e);
    }
  }

  private static String sharded(String table, String period) {
    return "SELECT EXISTS (SELECT 1 FROM "
        + table
        + " WHERE region_level IN (2, 4, 6) AND "
        + period
        + " = ? GROUP BY region_code, program, task_type HAVING count(*) > 1)";
  }

  /**
   * One statement: the period's cells with several rows and their smallest shard ({@code cells}),
   * the other rows deleted ({@code moved}), their sums added to the row kept. The levels are named
   * so that the index on (level, day) finds the day's cells: on the day alone PostgreSQL would read
   * the whole table, every day of every run.
   */
  private static String fold(String table, String period) {
    String cell = "region_code, " + period + ", program, task_type";
    return "WITH cells AS (SELECT "
        + cell
        + ", min(shard) AS keep FROM "
        + table
        + " WHERE region_level IN (2, 4, 6) AND "
        + period
        + " = ? GROUP BY "
        + cell
        + " HAVING count(*) > 1),"
        + " moved AS (DELETE FROM "
        + table
        + " s USING cells c WHERE s."
        + period
        + " = ? AND s.region_code = c.region_code AND s.program = c.program"
        + " AND s.task_type = c.task_type AND s.shard <> c.keep"
        + " RETURNING s.region_code, s.program, s.task_type, s.reports, s.quantity,"
        + " s.beneficiaries),"
        + " sums AS (SELECT region_code, program, task_type, sum(reports) AS reports,"
        + " sum(quantity) AS quantity, sum(beneficiaries) AS beneficiaries FROM moved"
        + " GROUP BY region_code, program, task_type)"
        + " UPDATE "
        + table
        + " t SET reports = t.reports + sums.reports, quantity = t.quantity + sums.quantity,"
        + " beneficiaries = t.beneficiaries + sums.beneficiaries"
        + " FROM sums JOIN cells c USING (region_code, program, task_type)"
        + " WHERE t."
        + period
        + " = ? AND t.region_code = sums.region_code AND t.program = sums.program"
        + " AND t.task_type = sums.task_type AND t.shard = c.keep";
  }
}
