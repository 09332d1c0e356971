package cn.shishi.aggregator.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/** Small JDBC helpers for the batch statements, which pass columns as arrays to unnest(). */
final class Sql {
  private Sql() {}

  static <T> Array texts(Connection connection, Collection<T> rows, Function<T, Object> column)
      throws SQLException {
    return connection.createArrayOf(
        "text",
        rows.stream()
            .map(column)
            .map(value -> value == null ? null : value.toString())
            .toArray(String[]::new));
  }
}
