package cn.shishi.aggregator.query;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.ReadReplica;
import cn.shishi.aggregator.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs the ledger's read statements (auditors' pages and traces, an office's own reports) on the
 * reads datasource, each cancelled by PostgreSQL past its caller's timeout ({@link QueryTimedOut}).
 * Plain JDBC, like every other statement of the aggregator: an ORM for these few SELECTs cost the
 * service about 3,950 of its 18,300 loaded classes and 37 MiB of its peak resident memory, which
 * took it past B5's 300 MB (docs/benchmarks.md, B5).
 */
@ApplicationScoped
public class ReadStatements {
  /** Makes one value of a result row; the row is positioned, columns numbered from 1. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;

  public ReadStatements(
      @io.quarkus.agroal.DataSource(ReadReplica.DATASOURCE) DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every row of {@code sql} with {@code params} bound in order ({@link Sql#bind}). */
  public <T> List<T> list(String sql, List<Object> params, Duration timeout, RowReader<T> reader) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setQueryTimeout(QueryTimedOut.seconds(timeout));
      Sql.bind(c, select, params);
      List<T> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(reader.read(result));
        }
      }
      return rows;
    } catch (SQLException e) {
      if (QueryTimedOut.isCancellation(e)) {
        throw new QueryTimedOut(timeout);
      }
      throw new PersistenceFailure("reading the ledger", e);
    }
  }

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
