package cn.shishi.aggregator.query;

import cn.shishi.aggregator.apply.Totals;
import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.ReadReplica;
import cn.shishi.aggregator.jdbc.Sql;
import cn.shishi.aggregator.query.CalendarSpans.Span;
import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Answers totals questions from the rollups alone, reading one region level's cells through the
 * indexes on (level, day), (province, level, day) and (city, level, day), and their twins on the
 * month cells for the whole months of a range; the ledger's size does not enter into it. It reads
 * the shard tables, not the views that sum each cell's shards (V15): it sums the rows of its groups
 * anyway, and the views' sum per cell cost more than reading the rows (B4 in docs/benchmarks.md,
 * 2026-12-03: every province over a year 17 ms through the view, 3 ms from the table). The rows
 * read are summed per group and kind of task before the kinds meet their units, so that the join
 * and the sums per unit see the few hundred groups, not the thousands of rows (2026-12-04, 10
 * million reports: all time by province 11.7 to 8.2 ms in psql, a year by province 22 to 17).
 */
@ApplicationScoped
public class TotalsRepository {
  private static final Map<Dimension, String> COLUMNS =
      Map.of(
          Dimension.PROVINCE, "province_code",
          Dimension.CITY, "city_code",
          Dimension.COUNTY, "region_code",
          Dimension.PROGRAM, "program",
          Dimension.TASK_TYPE, "task_type",
          Dimension.DAY, "to_char(day, 'YYYY-MM-DD')",
          Dimension.MONTH, "to_char(day, 'YYYY-MM')");

  private static final String SUMS =
      "sum(reports) AS reports, sum(quantity) AS quantity, sum(beneficiaries) AS beneficiaries";

  private final DataSource dataSource;

  public TotalsRepository(
      @io.quarkus.agroal.DataSource(ReadReplica.DATASOURCE) DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The page of rows the query asks for, plus one more row if there is a next page; PostgreSQL
   * cancels a statement that runs longer than {@code timeout} ({@link QueryTimedOut}). Quantities
   * are summed per unit of the kinds of task ({@code units}: task-type code to unit), never across
   * units: the cells are first summed per group and unit, then each group's units are gathered.
   */
  public List<TotalsRow> find(TotalsQuery query, Map<String, String> units, Duration timeout) {
    List<String> groups = query.groupBy().stream().map(COLUMNS::get).toList();
    List<String> aliases = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      aliases.add("g" + i);
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    aliases.forEach(alias -> sql.append(alias).append(", "));
    sql.append("sum(reports), array_agg(unit ORDER BY unit), array_agg(quantity ORDER BY unit),")
        .append(" sum(beneficiaries) FROM (SELECT ");
    aliases.forEach(alias -> sql.append(alias).append(", "));
    sql.append("coalesce(units.unit, cells.task_type) AS unit, ")
        .append(SUMS)
        .append(" FROM (SELECT ");
    for (int i = 0; i < groups.size(); i++) {
      sql.append(groups.get(i)).append(" AS ").append(aliases.get(i)).append(", ");
    }
    sql.append("task_type, ").append(SUMS).append(" FROM ");
    if (allTime(query)) {
      // Dashboards' commonest question: all time, by province, program or kind of task. The
      // all-time table answers it from a few hundred rows instead of every day's cells.
      sql.append("(SELECT * FROM province_total_shard WHERE true");
      filters(sql, params, query);
    } else {
      sql.append("(");
      List<Span> spans =
          query.groupBy().contains(Dimension.DAY)
              ? List.of(new Span(false, query.from(), query.to()))
              : CalendarSpans.of(query.from(), query.to());
      for (int i = 0; i < spans.size(); i++) {
        sql.append(i == 0 ? "" : " UNION ALL ");
        cells(sql, params, query, spans.get(i));
      }
    }
    sql.append(") AS shard_rows GROUP BY ");
    positions(sql, groups.size() + 1);
    sql.append(") AS cells LEFT JOIN unnest(?, ?) AS units(code, unit)")
        .append(" ON units.code = cells.task_type GROUP BY ");
    positions(sql, groups.size() + 1);
    sql.append(" HAVING sum(reports) <> 0 OR sum(quantity) <> 0) AS per_unit");
    params.add(units.keySet().toArray(String[]::new));
    params.add(units.values().toArray(String[]::new));
    if (!groups.isEmpty()) {
      String list = String.join(", ", aliases);
      sql.append(" GROUP BY ").append(list).append(" ORDER BY ").append(list);
    }
    sql.append(" LIMIT ? OFFSET ?");
    params.add(query.limit() + 1);
    params.add(query.offset());
    return run(sql.toString(), params, query.groupBy(), timeout);
  }

  private static void positions(StringBuilder sql, int count) {
    for (int i = 1; i <= count; i++) {
      sql.append(i == 1 ? "" : ", ").append(i);
    }
  }

  /**
   * One span's cells of the query's region level: whole months from the month cells (a month counts
   * as its first day), other days from the day cells.
   */
  private static void cells(StringBuilder sql, List<Object> params, TotalsQuery query, Span span) {
    String table = span.months() ? "rollup_month_shard" : "rollup_shard";
    String period = span.months() ? "month" : "day";
    sql.append("SELECT province_code, city_code, region_code, program, task_type, ")
        .append(period)
        .append(" AS day, reports, quantity, beneficiaries FROM ")
        .append(table)
        .append(" WHERE region_level = ?");
    params.add(query.regionLevel());
    filters(sql, params, query);
    span.from()
        .ifPresent(
            from -> {
              sql.append(" AND ").append(period).append(" >= ?");
              params.add(java.sql.Date.valueOf(from));
            });
    span.to()
        .ifPresent(
            to -> {
              sql.append(" AND ").append(period).append(" <= ?");
              params.add(java.sql.Date.valueOf(to));
            });
  }

  private static void filters(StringBuilder sql, List<Object> params, TotalsQuery query) {
    filter(sql, params, "province_code", query.province());
    filter(sql, params, "city_code", query.city());
    filter(sql, params, "region_code", query.county());
    filter(sql, params, "program", query.program());
    filter(sql, params, "task_type", query.taskType());
  }

  private static final Set<Dimension> ALL_TIME_DIMENSIONS =
      Set.of(Dimension.PROVINCE, Dimension.PROGRAM, Dimension.TASK_TYPE);

  /** Whether province_total alone answers the query: no days, nothing finer than a province. */
  private static boolean allTime(TotalsQuery query) {
    return query.from().isEmpty()
        && query.to().isEmpty()
        && query.regionLevel() == 2
        && ALL_TIME_DIMENSIONS.containsAll(query.groupBy());
  }

  /**
   * How far in receive time the totals are complete: the oldest point that the partitions which had
   * records pending at the last check ({@code behind}) have been applied through (their last
   * commit, for a partition that has applied no report since it was first stored).
   */
  public Optional<Instant> appliedThrough(String topic, Set<Integer> behind) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT min(coalesce(applied_through, updated_at)) FROM consumer_offset"
                    + " WHERE topic = ? AND kafka_partition = ANY(?)")) {
      select.setString(1, topic);
      select.setArray(2, c.createArrayOf("integer", behind.toArray()));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant);
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("reading as-of time", e);
    }
  }

  /** When the last batch was committed, before the first check of the partitions. */
  public Optional<Instant> lastCommit(String topic) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT max(updated_at) FROM consumer_offset WHERE topic = ?")) {
      select.setString(1, topic);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant);
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("reading as-of time", e);
    }
  }

  /** The all-time totals per province, program and kind of task: a few hundred rows. */
  public List<ProvinceTotal> provinceTotals() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT province_code, program, task_type, reports, quantity, beneficiaries"
                    + " FROM province_total");
        ResultSet rows = select.executeQuery()) {
      List<ProvinceTotal> totals = new ArrayList<>();
      while (rows.next()) {
        totals.add(
            new ProvinceTotal(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                new Totals(rows.getLong(4), rows.getLong(5), rows.getLong(6))));
      }
      return totals;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading province totals", e);
    }
  }

  /** All-time totals of one province, program and kind of task. */
  public record ProvinceTotal(String province, String program, String taskType, Totals totals) {}

  private static void filter(
      StringBuilder sql, List<Object> params, String column, Optional<String> value) {
    value.ifPresent(
        v -> {
          sql.append(" AND ").append(column).append(" = ?");
          params.add(v);
        });
  }

  private List<TotalsRow> run(
      String sql, List<Object> params, List<Dimension> groupBy, Duration timeout) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setQueryTimeout(QueryTimedOut.seconds(timeout));
      Sql.bind(c, select, params);
      List<TotalsRow> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          Map<Dimension, String> group = new EnumMap<>(Dimension.class);
          for (int i = 0; i < groupBy.size(); i++) {
            group.put(groupBy.get(i), result.getString(i + 1).trim());
          }
          int base = groupBy.size();
          rows.add(
              new TotalsRow(
                  group,
                  result.getLong(base + 1),
                  quantities(result.getArray(base + 2), result.getArray(base + 3)),
                  result.getLong(base + 4)));
        }
      }
      return rows;
    } catch (SQLException e) {
      if (QueryTimedOut.isCancellation(e)) {
        throw new QueryTimedOut(timeout);
      }
      throw new PersistenceFailure("querying totals", e);
    }
  }

  /** A group's units and their quantities, as the two arrays the query gathers them into. */
  private static Quantities quantities(java.sql.Array units, java.sql.Array sums)
      throws SQLException {
    if (units == null) {
      return Quantities.NONE;
    }
    String[] names = (String[]) units.getArray();
    Object[] values = (Object[]) sums.getArray();
    Map<String, Long> byUnit = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      byUnit.put(names[i], ((Number) values[i]).longValue());
    }
    return Quantities.of(byUnit);
  }
}
