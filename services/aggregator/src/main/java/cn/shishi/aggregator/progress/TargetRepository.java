package cn.shishi.aggregator.progress;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.Sql;
import cn.shishi.aggregator.query.QueryTimedOut;
import cn.shishi.aggregator.query.TotalsQuery;
import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Targets, their history, and how far they are done, in PostgreSQL. */
@ApplicationScoped
public class TargetRepository {
  /** A target's group columns: its region cut to the level asked, its program, its kind of task. */
  private static final Map<Dimension, String> COLUMNS =
      Map.of(
          Dimension.PROVINCE, "left(t.region, 2)",
          Dimension.CITY, "left(t.region, 4)",
          Dimension.COUNTY, "t.region",
          Dimension.PROGRAM, "t.program",
          Dimension.TASK_TYPE, "t.task_type");

  private final DataSource dataSource;

  public TargetRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The key of a target: region, program, kind of task and period. */
  public record Key(String region, String program, String taskType, LocalDate from, LocalDate to) {}

  /**
   * Sets a target and records the change, in the caller's transaction; returns the quantity it had
   * before, if it existed.
   */
  public Optional<Long> set(Key key, long quantity, String by, Instant at, String note) {
    try (Connection c = dataSource.getConnection()) {
      Optional<Long> before = current(c, key);
      try (PreparedStatement upsert =
          c.prepareStatement(
              "INSERT INTO target (region_code, program, task_type, period_from, period_to,"
                  + " quantity, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (region_code, program, task_type, period_from, period_to)"
                  + " DO UPDATE SET quantity = excluded.quantity, set_by = excluded.set_by,"
                  + " set_at = excluded.set_at")) {
        int i = bindKey(upsert, key);
        upsert.setLong(i++, quantity);
        upsert.setString(i++, by);
        upsert.setTimestamp(i, Timestamp.from(at));
        upsert.executeUpdate();
      }
      try (PreparedStatement change =
          c.prepareStatement(
              "INSERT INTO target_change (region_code, program, task_type, period_from,"
                  + " period_to, quantity_before, quantity_after, changed_by, changed_at, note)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int i = bindKey(change, key);
        change.setObject(i++, before.orElse(null));
        change.setLong(i++, quantity);
        change.setString(i++, by);
        change.setTimestamp(i++, Timestamp.from(at));
        change.setString(i, note);
        change.executeUpdate();
      }
      return before;
    } catch (SQLException e) {
      throw new PersistenceFailure("setting a target", e);
    }
  }

  private static Optional<Long> current(Connection c, Key key) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT quantity FROM target WHERE region_code = ? AND program = ? AND task_type = ?"
                + " AND period_from = ? AND period_to = ? FOR UPDATE")) {
      bindKey(select, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  private static int bindKey(PreparedStatement statement, Key key) throws SQLException {
    statement.setString(1, key.region());
    statement.setString(2, key.program());
    statement.setString(3, key.taskType());
    statement.setDate(4, Date.valueOf(key.from()));
    statement.setDate(5, Date.valueOf(key.to()));
    return 6;
  }

  /** The targets inside {@code scope} (a region prefix; {@code 00} for all), in key order. */
  public List<Target> list(String scope, Map<String, String> units, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT region_code, program, task_type, period_from, period_to, quantity,"
                    + " set_by, set_at FROM target WHERE region_code LIKE ?"
                    + " ORDER BY region_code, program, task_type, period_from, period_to LIMIT ?")) {
      select.setString(1, prefix(scope));
      select.setInt(2, limit);
      List<Target> targets = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          String taskType = row.getString(3);
          targets.add(
              new Target(
                  row.getString(1),
                  row.getString(2),
                  taskType,
                  row.getDate(4).toLocalDate(),
                  row.getDate(5).toLocalDate(),
                  row.getLong(6),
                  units.getOrDefault(taskType, taskType),
                  row.getString(7),
                  row.getTimestamp(8).toInstant()));
        }
      }
      return targets;
    } catch (SQLException e) {
      throw new PersistenceFailure("listing targets", e);
    }
  }

  /** The changes of the targets inside {@code scope}, newest first. */
  public List<TargetChange> history(String scope, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, region_code, program, task_type, period_from, period_to,"
                    + " quantity_before, quantity_after, changed_by, changed_at, note"
                    + " FROM target_change WHERE region_code LIKE ? ORDER BY id DESC LIMIT ?")) {
      select.setString(1, prefix(scope));
      select.setInt(2, limit);
      List<TargetChange> changes = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          changes.add(
              new TargetChange(
                  row.getLong(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getDate(5).toLocalDate(),
                  row.getDate(6).toLocalDate(),
                  (Long) row.getObject(7),
                  row.getLong(8),
                  row.getString(9),
                  row.getTimestamp(10).toInstant(),
                  row.getString(11)));
        }
      }
      return changes;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading target changes", e);
    }
  }

  private static String prefix(String scope) {
    return "00".equals(scope) ? "%" : scope + "%";
  }

  /** One group's targets in one unit, and what the rollups hold for them. */
  public record ProgressRow(
      Map<Dimension, String> group, String unit, int targets, long target, long achieved) {}

  /**
   * Progress of the targets set at {@code level} (2, 4 or 6) that the query's filters select,
   * grouped as it asks and always by unit. Each target's achieved quantity is the rollups' net
   * quantity of its region, program and kind of task over its own period: the view
   * reporting.target_progress (V11) defines it once, for this API and for the dashboards.
   */
  public List<ProgressRow> progress(
      TotalsQuery query, int level, Map<String, String> units, Duration timeout) {
    List<String> groups = query.groupBy().stream().map(COLUMNS::get).toList();
    StringBuilder sql = new StringBuilder("SELECT ");
    groups.forEach(column -> sql.append(column).append(", "));
    sql.append("coalesce(units.unit, t.task_type) AS unit, count(*), sum(t.target),")
        .append(" sum(t.achieved) FROM reporting.target_progress t")
        .append(" LEFT JOIN unnest(?, ?) AS units(code, unit)")
        .append(" ON units.code = t.task_type WHERE t.level = ?");
    List<Object> params = new ArrayList<>();
    params.add(units.keySet().toArray(String[]::new));
    params.add(units.values().toArray(String[]::new));
    params.add(level);
    query
        .county()
        .or(query::city)
        .or(query::province)
        .ifPresent(
            region -> {
              sql.append(" AND t.region LIKE ?");
              params.add(region + "%");
            });
    query.program().ifPresent(program -> add(sql, params, " AND t.program = ?", program));
    query.taskType().ifPresent(type -> add(sql, params, " AND t.task_type = ?", type));
    query.from().ifPresent(from -> add(sql, params, " AND t.period_from >= ?", Date.valueOf(from)));
    query.to().ifPresent(to -> add(sql, params, " AND t.period_to <= ?", Date.valueOf(to)));
    sql.append(" GROUP BY ");
    for (int i = 1; i <= groups.size() + 1; i++) {
      sql.append(i == 1 ? "" : ", ").append(i);
    }
    sql.append(" ORDER BY ");
    for (int i = 1; i <= groups.size() + 1; i++) {
      sql.append(i == 1 ? "" : ", ").append(i);
    }
    sql.append(" LIMIT ? OFFSET ?");
    params.add(query.limit() + 1);
    params.add(query.offset());
    return run(sql.toString(), params, query.groupBy(), timeout);
  }

  private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
    sql.append(clause);
    params.add(value);
  }

  private List<ProgressRow> run(
      String sql, List<Object> params, List<Dimension> groupBy, Duration timeout) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setQueryTimeout(QueryTimedOut.seconds(timeout));
      Sql.bind(c, select, params);
      List<ProgressRow> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          Map<Dimension, String> group = new EnumMap<>(Dimension.class);
          for (int i = 0; i < groupBy.size(); i++) {
            group.put(groupBy.get(i), result.getString(i + 1));
          }
          int base = groupBy.size();
          rows.add(
              new ProgressRow(
                  group,
                  result.getString(base + 1),
                  result.getInt(base + 2),
                  result.getLong(base + 3),
                  result.getLong(base + 4)));
        }
      }
      return rows;
    } catch (SQLException e) {
      if (QueryTimedOut.isCancellation(e)) {
        throw new QueryTimedOut(timeout);
      }
      throw new PersistenceFailure("querying progress", e);
    }
  }
}
