package cn.shishi.aggregator.apply;

import java.sql.SQLException;
import java.util.Set;

/**
 * Why a batch transaction failed, which decides what happens next. A transient failure (the
 * connection lost, a serialization failure or deadlock, a lock or statement timeout, the database
 * starting or shutting down, anything unknown) is retried until it passes: the batch is neither
 * skipped nor split. A data failure means the database refused a value of one of the records: the
 * batch is split until that record stands alone, and it is set aside as a dead letter.
 */
public enum FailureKind {
  TRANSIENT("transient"),
  DATA("data");

  /**
   * SQLSTATE classes caused by a record's content: 22 data exception (a NUL in text, a value out of
   * range, a date PostgreSQL cannot store), 23 integrity constraint violation, 54 program limit
   * exceeded (a value too large for an index row). A program error (42, a bug) stops the counting
   * rather than dead-letter every record.
   */
  private static final Set<String> DATA_CLASSES = Set.of("22", "23", "54");

  private final String label;

  FailureKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind of {@code failure}, from the SQLSTATE of the first SQL error in its causes. */
  public static FailureKind of(Throwable failure) {
    String state = sqlState(failure);
    return state != null && state.length() == 5 && DATA_CLASSES.contains(state.substring(0, 2))
        ? DATA
        : TRANSIENT;
  }

  /** The SQLSTATE of the first SQL error in {@code failure}'s causes, or null. */
  public static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (e.getSQLState() != null) {
            return e.getSQLState();
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
