package cn.shishi.aggregator.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL's transaction-scoped advisory locks, released when the connection's transaction ends.
 * Each lock is a number that its users agree on (the constants beside them).
 */
public final class AdvisoryLocks {
  private AdvisoryLocks() {}

  /** Takes {@code key} exclusive, waiting for its holders. */
  public static void exclusive(Connection connection, long key) throws SQLException {
    execute(connection, "SELECT pg_advisory_xact_lock(?)", key);
  }

  /** Takes {@code key} shared with other shared holders, waiting for an exclusive one. */
  public static void shared(Connection connection, long key) throws SQLException {
    execute(connection, "SELECT pg_advisory_xact_lock_shared(?)", key);
  }

  /** Takes {@code key} exclusive if no one holds it; never waits. Whether it was taken. */
  public static boolean tryExclusive(Connection connection, long key) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, key);
      try (ResultSet taken = lock.executeQuery()) {
        taken.next();
        return taken.getBoolean(1);
      }
    }
  }

  /**
   * Takes the first of the locks numbered 0, 1, 2 … in {@code space} that no one holds, never
   * waiting; its number. As many numbers are in use as transactions hold one at the same time.
   */
  public static int firstFree(Connection connection, int space) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, space);
      for (int number = 0; ; number++) {
        lock.setInt(2, number);
        try (ResultSet taken = lock.executeQuery()) {
          taken.next();
          if (taken.getBoolean(1)) {
            return number;
          }
        }
      }
    }
  }

  private static void execute(Connection connection, String sql, long key) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(sql)) {
      lock.setLong(1, key);
      lock.execute();
    }
  }
}
