package cn.shishi.aggregator.period;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Closed months, their published snapshots, and the restatements since, in PostgreSQL. */
@ApplicationScoped
public class PeriodRepository {
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public PeriodRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The last close of a region's month (current, or reopened). */
  public record Close(
      long id,
      String closedBy,
      Instant closedAt,
      String reopenedBy,
      Instant reopenedAt,
      String reopenReason) {
    boolean current() {
      return reopenedAt == null;
    }
  }

  /** The key of a figure: program and kind of task. */
  public record Cell(String program, String taskType) implements Comparable<Cell> {
    @Override
    public int compareTo(Cell other) {
      int byProgram = program.compareTo(other.program);
      return byProgram != 0 ? byProgram : taskType.compareTo(other.taskType);
    }
  }

  /**
   * Closes the month: records the consumer's positions and copies the month cell of the region, in
   * ONE statement, so that both come from the same snapshot of the database: the published figures
   * hold exactly the records before the positions (every batch commits its rollups and its offsets
   * together). Empty when the month is already closed.
   */
  public Optional<Long> close(String topic, String region, LocalDate month, String by, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement close =
            c.prepareStatement(
                "WITH positions AS (SELECT coalesce(array_agg(kafka_partition ORDER BY"
                    + " kafka_partition), '{}') AS partitions, coalesce(array_agg(next_offset"
                    + " ORDER BY kafka_partition), '{}') AS next_offsets FROM consumer_offset"
                    + " WHERE topic = ?),"
                    + " closed AS (INSERT INTO period_close (region_code, month, closed_by,"
                    + " closed_at, partitions, next_offsets) SELECT ?, ?, ?, ?, partitions,"
                    + " next_offsets FROM positions RETURNING id),"
                    + " published AS (INSERT INTO period_snapshot (close_id, program, task_type,"
                    + " reports, quantity, beneficiaries) SELECT closed.id, m.program, m.task_type,"
                    + " m.reports, m.quantity, m.beneficiaries FROM closed, rollup_month m"
                    + " WHERE m.region_code = ? AND m.month = ? AND (m.reports <> 0 OR"
                    + " m.quantity <> 0 OR m.beneficiaries <> 0) RETURNING 1)"
                    + " SELECT id, (SELECT count(*) FROM published) FROM closed")) {
      close.setString(1, topic);
      close.setString(2, region);
      close.setDate(3, Date.valueOf(month));
      close.setString(4, by);
      close.setTimestamp(5, Timestamp.from(at));
      close.setString(6, region);
      close.setDate(7, Date.valueOf(month));
      try (ResultSet row = close.executeQuery()) {
        row.next();
        return Optional.of(row.getLong(1));
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw new PersistenceFailure("closing a month", e);
    }
  }

  /** Reopens the current close of the month; false when it is not closed. */
  public boolean reopen(String region, LocalDate month, String by, Instant at, String reason) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement reopen =
            c.prepareStatement(
                "UPDATE period_close SET reopened_by = ?, reopened_at = ?, reopen_reason = ?"
                    + " WHERE region_code = ? AND month = ? AND reopened_at IS NULL")) {
      reopen.setString(1, by);
      reopen.setTimestamp(2, Timestamp.from(at));
      reopen.setString(3, reason);
      reopen.setString(4, region);
      reopen.setDate(5, Date.valueOf(month));
      return reopen.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new PersistenceFailure("reopening a month", e);
    }
  }

  public Optional<Close> last(String region, LocalDate month) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, closed_by, closed_at, reopened_by, reopened_at, reopen_reason"
                    + " FROM period_close WHERE region_code = ? AND month = ?"
                    + " ORDER BY id DESC LIMIT 1")) {
      select.setString(1, region);
      select.setDate(2, Date.valueOf(month));
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Timestamp reopened = row.getTimestamp(5);
        return Optional.of(
            new Close(
                row.getLong(1),
                row.getString(2),
                row.getTimestamp(3).toInstant(),
                row.getString(4),
                reopened == null ? null : reopened.toInstant(),
                row.getString(6)));
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("reading a month's close", e);
    }
  }

  /** The figures as the close published them. */
  public Map<Cell, PeriodFigures> published(long closeId) {
    return figures(
        "SELECT program, task_type, reports, quantity, beneficiaries FROM period_snapshot"
            + " WHERE close_id = ?",
        statement -> statement.setLong(1, closeId));
  }

  /** The figures of the region's month cell now. */
  public Map<Cell, PeriodFigures> now(String region, LocalDate month) {
    return figures(
        "SELECT program, task_type, reports, quantity, beneficiaries FROM rollup_month"
            + " WHERE region_code = ? AND month = ?",
        statement -> {
          statement.setString(1, region);
          statement.setDate(2, Date.valueOf(month));
        });
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private Map<Cell, PeriodFigures> figures(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      binder.bind(select);
      Map<Cell, PeriodFigures> figures = new TreeMap<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          PeriodFigures value = new PeriodFigures(row.getLong(3), row.getLong(4), row.getLong(5));
          if (!value.isZero()) {
            figures.put(new Cell(row.getString(1), row.getString(2)), value);
          }
        }
      }
      return figures;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading a month's figures", e);
    }
  }

  /** How many ledger changes restate the close, and the first {@code limit} of them in order. */
  public List<PeriodView.Restatement> restatements(long closeId, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT change, report_id, office_id, report_region, program, task_type, day,"
                    + " quantity, beneficiaries, at FROM reporting.restatements"
                    + " WHERE close_id = ? ORDER BY at, report_id LIMIT ?")) {
      select.setLong(1, closeId);
      select.setInt(2, limit);
      List<PeriodView.Restatement> found = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          found.add(
              new PeriodView.Restatement(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4).trim(),
                  row.getString(5),
                  row.getString(6),
                  row.getDate(7).toLocalDate(),
                  row.getLong(8),
                  row.getLong(9),
                  row.getTimestamp(10).toInstant()));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading restatements", e);
    }
  }

  public long restatementCount(long closeId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT count(*) FROM reporting.restatements WHERE close_id = ?")) {
      select.setLong(1, closeId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("counting restatements", e);
    }
  }
}
