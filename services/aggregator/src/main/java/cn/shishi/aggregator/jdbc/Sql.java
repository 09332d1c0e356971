package cn.shishi.aggregator.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Small JDBC helpers for the batch statements, which pass columns as arrays to unnest(). */
public final class Sql {
  private Sql() {}

  /**
   * Binds the parameters of a statement built as text: a {@code String[]} as a text array (for
   * {@code unnest} and {@code ANY}), anything else as the driver maps it.
   */
  public static void bind(Connection connection, PreparedStatement statement, List<Object> params)
      throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object param = params.get(i);
      if (param instanceof String[] texts) {
        statement.setArray(i + 1, connection.createArrayOf("text", texts));
      } else {
        statement.setObject(i + 1, param);
      }
    }
  }

  /**
   * Appends {@code AND condition}, which holds one placeholder, and its parameter {@code value}.
   */
  public static void and(StringBuilder sql, List<Object> params, String condition, Object value) {
    sql.append(" AND ").append(condition);
    params.add(value);
  }

  /** A column as a {@code text} array parameter, each value as its {@code toString()}. */
  public static <T> ArrayParameter texts(Collection<T> rows, Function<T, Object> column) {
    String[] texts = new String[rows.size()];
    int i = 0;
    for (T row : rows) {
      Object value = column.apply(row);
      texts[i++] = value == null ? null : value.toString();
    }
    return ArrayParameter.texts(texts);
  }

  /**
   * A column of numbers as an {@code int8} array parameter, sent in binary: no text to write here
   * nor to parse in PostgreSQL.
   */
  public static <T> ArrayParameter longs(Collection<T> rows, ToLongFunction<T> column) {
    long[] numbers = new long[rows.size()];
    int i = 0;
    for (T row : rows) {
      numbers[i++] = column.applyAsLong(row);
    }
    return ArrayParameter.longs(numbers);
  }
}
