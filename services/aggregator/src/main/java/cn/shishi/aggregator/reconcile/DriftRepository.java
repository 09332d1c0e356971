package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.apply.RollupKey;
import cn.shishi.aggregator.apply.Totals;
import cn.shishi.aggregator.jdbc.AdvisoryLocks;
import cn.shishi.aggregator.jdbc.PersistenceFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The reconciliation's check: the stored rollups against their recomputation, in one snapshot. */
@ApplicationScoped
public class DriftRepository {
  private final DataSource dataSource;

  public DriftRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs in the caller's transaction, as its first statements. Every cell of the provinces in
   * {@code slice} where the stored rollups disagree with what they must be (cells holding zero
   * count as absent): day cells against the ledger, month cells and all-time province totals
   * against the day cells, in one snapshot. {@code workMem} is PostgreSQL's work_mem for it (a
   * validated setting, e.g. {@code 64MB}).
   */
  public List<CellDrift> drift(ProvinceSlice slice, String workMem) {
    try (Connection c = dataSource.getConnection();
        Statement settings = c.createStatement()) {
      // One snapshot for the three checks (this must be the transaction's first statement), and
      // room to aggregate a slice in memory: the server's default work_mem (4 MB) sent a slice's
      // million groups to temporary files.
      settings.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      settings.execute("SET LOCAL work_mem = '" + workMem + "'");
      if (!AdvisoryLocks.tryExclusive(c, ExclusiveRun.RECONCILIATION)) {
        throw new AlreadyRunning("reconciliation");
      }
      List<CellDrift> drift = new ArrayList<>(cells(c, dayDrift(slice), CellDrift.DAY));
      drift.addAll(cells(c, monthDrift(slice), CellDrift.MONTH));
      drift.addAll(provinceTotalDrift(c, slice));
      return drift;
    } catch (SQLException e) {
      throw new PersistenceFailure("reconciling rollups", e);
    }
  }

  /**
   * The SQL condition on {@code column} (a province code) that selects the slice. The codes are the
   * slice's own two-digit numbers, never input, so they are written into the statement: each slice
   * then gets a plan for its own provinces.
   */
  private static String inSlice(String column, ProvinceSlice slice) {
    if (slice.isAll()) {
      return "true";
    }
    return slice.provinceCodes().stream()
        .map(code -> "'" + code + "'")
        .collect(Collectors.joining(", ", column + " IN (", ")"));
  }

  private static String dayDrift(ProvinceSlice slice) {
    return "SELECT coalesce(s.region_code, l.region_code), coalesce(s.day, l.day),"
        + " coalesce(s.program, l.program), coalesce(s.task_type, l.task_type),"
        + " coalesce(s.reports, 0), coalesce(s.quantity, 0), coalesce(s.beneficiaries, 0),"
        + " coalesce(l.reports, 0), coalesce(l.quantity, 0), coalesce(l.beneficiaries, 0)"
        + " FROM (SELECT * FROM rollup WHERE (reports <> 0 OR quantity <> 0"
        + "  OR beneficiaries <> 0) AND "
        + inSlice("province_code", slice)
        + ") AS s FULL OUTER JOIN ("
        + RecomputedRollups.recomputed(inSlice("r.province_code", slice))
        + ") AS l ON s.region_code = l.region_code AND s.day = l.day"
        + " AND s.program = l.program AND s.task_type = l.task_type"
        + " WHERE s.region_code IS NULL OR l.region_code IS NULL"
        + " OR s.reports <> l.reports OR s.quantity <> l.quantity"
        + " OR s.beneficiaries <> l.beneficiaries"
        + " ORDER BY 1, 2, 3, 4";
  }

  /**
   * Month cells that disagree with the sum of their day cells (which the day check holds against
   * the ledger): a pass over the rollups, not another over the ledger.
   */
  private static String monthDrift(ProvinceSlice slice) {
    return "SELECT coalesce(s.region_code, d.region_code), coalesce(s.month, d.month),"
        + " coalesce(s.program, d.program), coalesce(s.task_type, d.task_type),"
        + " coalesce(s.reports, 0), coalesce(s.quantity, 0), coalesce(s.beneficiaries, 0),"
        + " coalesce(d.reports, 0), coalesce(d.quantity, 0), coalesce(d.beneficiaries, 0)"
        + " FROM (SELECT * FROM rollup_month WHERE (reports <> 0 OR quantity <> 0"
        + "  OR beneficiaries <> 0) AND "
        + inSlice("province_code", slice)
        + ") AS s FULL OUTER JOIN (SELECT * FROM ("
        + RecomputedRollups.monthsFromDays(inSlice("province_code", slice))
        + ") AS m WHERE reports <> 0 OR quantity <> 0 OR beneficiaries <> 0) AS d"
        + " ON s.region_code = d.region_code AND s.month = d.month"
        + " AND s.program = d.program AND s.task_type = d.task_type"
        + " WHERE s.region_code IS NULL OR d.region_code IS NULL"
        + " OR s.reports <> d.reports OR s.quantity <> d.quantity"
        + " OR s.beneficiaries <> d.beneficiaries"
        + " ORDER BY 1, 2, 3, 4";
  }

  /** Rows of (cell, its day or month, stored totals, expected totals) as drift. */
  private static List<CellDrift> cells(Connection c, String sql, String period)
      throws SQLException {
    List<CellDrift> drift = new ArrayList<>();
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        drift.add(
            new CellDrift(
                period,
                new RollupKey(
                    rows.getString(1),
                    rows.getObject(2, java.time.LocalDate.class),
                    rows.getString(3),
                    rows.getString(4)),
                new Totals(rows.getLong(5), rows.getLong(6), rows.getLong(7)),
                new Totals(rows.getLong(8), rows.getLong(9), rows.getLong(10))));
      }
    }
    return drift;
  }

  /**
   * The all-time province totals that disagree with the sum of their province's day cells (held
   * against the ledger by the day check); their cells have no day.
   */
  private static List<CellDrift> provinceTotalDrift(Connection c, ProvinceSlice slice)
      throws SQLException {
    String sql =
        "SELECT coalesce(s.province_code, d.province_code), coalesce(s.program, d.program),"
            + " coalesce(s.task_type, d.task_type),"
            + " coalesce(s.reports, 0), coalesce(s.quantity, 0), coalesce(s.beneficiaries, 0),"
            + " coalesce(d.reports, 0), coalesce(d.quantity, 0), coalesce(d.beneficiaries, 0)"
            + " FROM (SELECT * FROM province_total WHERE (reports <> 0 OR quantity <> 0"
            + "  OR beneficiaries <> 0) AND "
            + inSlice("province_code", slice)
            + ") AS s FULL OUTER JOIN (SELECT province_code, program, task_type,"
            + " sum(reports) AS reports, sum(quantity) AS quantity,"
            + " sum(beneficiaries) AS beneficiaries FROM rollup_shard WHERE region_level = 2 AND "
            + inSlice("province_code", slice)
            + " GROUP BY province_code, program, task_type"
            + " HAVING sum(reports) <> 0 OR sum(quantity) <> 0 OR sum(beneficiaries) <> 0) AS d"
            + " ON s.province_code = d.province_code AND s.program = d.program"
            + " AND s.task_type = d.task_type"
            + " WHERE s.province_code IS NULL OR d.province_code IS NULL"
            + " OR s.reports <> d.reports OR s.quantity <> d.quantity"
            + " OR s.beneficiaries <> d.beneficiaries ORDER BY 1, 2, 3";
    List<CellDrift> drift = new ArrayList<>();
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        drift.add(
            new CellDrift(
                CellDrift.ALL_TIME,
                new RollupKey(rows.getString(1), null, rows.getString(2), rows.getString(3)),
                new Totals(rows.getLong(4), rows.getLong(5), rows.getLong(6)),
                new Totals(rows.getLong(7), rows.getLong(8), rows.getLong(9))));
      }
    }
    return drift;
  }
}
