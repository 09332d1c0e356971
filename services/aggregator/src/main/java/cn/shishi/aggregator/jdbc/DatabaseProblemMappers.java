package cn.shishi.aggregator.jdbc;

import cn.shishi.web.Languages;
import cn.shishi.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A question or change the database could not take. While PostgreSQL cannot be reached the answer
 * is 503 with {@code Retry-After}, as the instance stays ready (ADR 0007): a database outage takes
 * no instance out of its Service, and callers learn when to come back. Any other failure is 500;
 * either way the transaction rolled back.
 */
public class DatabaseProblemMappers {
  /** Seconds to wait: about what a database restart or a failover takes. */
  static final int RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response failed(PersistenceFailure e, HttpHeaders headers) {
    return answer(e, headers);
  }

  private static Response answer(Throwable e, HttpHeaders headers) {
    if (!unreachable(e)) {
      return Problem.of(
              Response.Status.INTERNAL_SERVER_ERROR,
              "internal-error",
              Languages.of(headers),
              "http.500")
          .toResponse();
    }
    Response problem =
        Problem.of(
                Response.Status.SERVICE_UNAVAILABLE,
                "database-unavailable",
                Languages.of(headers),
                "database.unavailable")
            .toResponse();
    return Response.fromResponse(problem)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }

  /**
   * Whether the cause is a database out of reach: no connection (SQLSTATE class 08), one shutting
   * down or starting (57P01–57P03), or none to be had from the pool in time (Agroal's acquisition
   * timeout, which carries no SQLSTATE).
   */
  static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = String.valueOf(sql.getSQLState());
        if (state.startsWith("08")
            || state.startsWith("57P0")
            || String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
          return true;
        }
      }
    }
    return false;
  }
}
