package cn.shishi.aggregator.query;

import cn.shishi.web.ProblemException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;

/** A query statement ran past the caller's timeout and PostgreSQL cancelled it. */
public class QueryTimedOut extends ProblemException {
  /** PostgreSQL's SQLSTATE for a statement cancelled on request (here: the timeout). */
  private static final String QUERY_CANCELED = "57014";

  private final Duration timeout;

  public QueryTimedOut(Duration timeout) {
    super(
        Response.Status.SERVICE_UNAVAILABLE, "query-timeout", "query.timeout", timeout.toSeconds());
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  public static boolean isCancellation(SQLException e) {
    return QUERY_CANCELED.equals(e.getSQLState());
  }

  /** JDBC's timeout is whole seconds; never 0, which would mean none. */
  public static int seconds(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }
}
