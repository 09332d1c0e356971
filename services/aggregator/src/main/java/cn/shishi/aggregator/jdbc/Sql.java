package cn.shishi.aggregator.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/** Small JDBC helpers for the batch statements, which pass columns as arrays to unnest(). */
public final class Sql {
  private Sql() {}

  public static <T> Array texts(
      Connection connection, Collection<T> rows, Function<T, Object> column) throws SQLException {
    String[] texts = new String[rows.size()];
    int i = 0;
    for (T row : rows) {
      Object value = column.apply(row);
      texts[i++] = value == null ? null : value.toString();
    }
    return connection.createArrayOf("text", texts);
  }
}
