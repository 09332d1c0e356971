package cn.shishi.aggregator.reconcile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Transaction-scoped PostgreSQL advisory locks: at most one full reconciliation and one rebuild at
 * a time across every aggregator instance, released when the transaction ends.
 */
final class ExclusiveRun {
  static final long RECONCILIATION = 5_174_001L;
  static final long REBUILD = 5_174_002L;

  private ExclusiveRun() {}

  /** Whether the lock was free (and is now this transaction's). */
  static boolean acquire(Connection c, long lock) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + lock + ")")) {
      row.next();
      return row.getBoolean(1);
    }
  }
}
