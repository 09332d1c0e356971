package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Adds a batch's {@link RollupDelta} to the rollups: the day cells, the month cells and the
 * all-time province totals, a statement each, whatever the batch's size.
 */
@ApplicationScoped
public class RollupWriter {
  private static final String UPSERT_DAYS = upsert("rollup", "day");
  private static final String UPSERT_MONTHS = upsert("rollup_month", "month");

  private static final String UPSERT_PROVINCE_TOTALS =
      "INSERT INTO province_total (province_code, program, task_type, reports, quantity,"
          + " beneficiaries)"
          + " SELECT d.province, d.program, d.task_type, d.reports::bigint, d.quantity::bigint,"
          + " d.beneficiaries::bigint FROM unnest(?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[]) AS d(province, program, task_type, reports, quantity,"
          + " beneficiaries)"
          + " ON CONFLICT (province_code, program, task_type) DO UPDATE SET"
          + " reports = province_total.reports + EXCLUDED.reports,"
          + " quantity = province_total.quantity + EXCLUDED.quantity,"
          + " beneficiaries = province_total.beneficiaries + EXCLUDED.beneficiaries";

  private static final Comparator<RollupKey> CELL_ORDER =
      Comparator.comparing(RollupKey::regionCode)
          .thenComparing(RollupKey::day, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(RollupKey::program)
          .thenComparing(RollupKey::taskType);

  private final DataSource dataSource;

  public RollupWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Adds {@code table}'s share of a batch to its cells, whose time column is {@code period}. */
  private static String upsert(String table, String period) {
    return "INSERT INTO "
        + table
        + " (region_code, "
        + period
        + ", program, task_type, region_level, province_code, city_code, reports, quantity,"
        + " beneficiaries)"
        + " SELECT d.region, d.period::date, d.program, d.task_type, length(d.region),"
        + " left(d.region, 2), CASE WHEN length(d.region) >= 4 THEN left(d.region, 4) END,"
        + " d.reports::bigint, d.quantity::bigint, d.beneficiaries::bigint"
        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
        + " ?::text[]) AS d(region, period, program, task_type, reports, quantity, beneficiaries)"
        + " ON CONFLICT (region_code, "
        + period
        + ", program, task_type) DO UPDATE SET"
        + " reports = "
        + table
        + ".reports + EXCLUDED.reports, quantity = "
        + table
        + ".quantity + EXCLUDED.quantity, beneficiaries = "
        + table
        + ".beneficiaries + EXCLUDED.beneficiaries";
  }

  /** Adds the delta to its day cells, month cells and province totals, creating missing ones. */
  public void apply(RollupDelta delta) {
    Map<RollupKey, Totals> days = delta.changes();
    if (days.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      upsert(c, UPSERT_DAYS, days, false);
      upsert(c, UPSERT_MONTHS, delta.monthChanges(), false);
      upsert(c, UPSERT_PROVINCE_TOTALS, delta.provinceTotalChanges(), true);
    } catch (SQLException e) {
      throw new PersistenceFailure("applying rollup changes", e);
    }
  }

  private static void upsert(
      Connection c, String sql, Map<RollupKey, Totals> changes, boolean withoutPeriod)
      throws SQLException {
    List<Map.Entry<RollupKey, Totals>> rows = new ArrayList<>(changes.entrySet());
    // Every writer locks the cells it upserts in the same order, so that concurrent batches
    // (several consumers or instances) wait for each other instead of deadlocking.
    rows.sort(Map.Entry.comparingByKey(CELL_ORDER));
    try (PreparedStatement upsert = c.prepareStatement(sql)) {
      int i = 1;
      upsert.setArray(i++, Sql.texts(c, rows, row -> row.getKey().regionCode()));
      if (!withoutPeriod) {
        upsert.setArray(i++, Sql.texts(c, rows, row -> row.getKey().day()));
      }
      upsert.setArray(i++, Sql.texts(c, rows, row -> row.getKey().program()));
      upsert.setArray(i++, Sql.texts(c, rows, row -> row.getKey().taskType()));
      upsert.setArray(i++, Sql.texts(c, rows, row -> row.getValue().reports()));
      upsert.setArray(i++, Sql.texts(c, rows, row -> row.getValue().quantity()));
      upsert.setArray(i, Sql.texts(c, rows, row -> row.getValue().beneficiaries()));
      upsert.executeUpdate();
    }
  }
}
