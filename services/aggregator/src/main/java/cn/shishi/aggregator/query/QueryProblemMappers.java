package cn.shishi.aggregator.query;

import cn.shishi.web.Problem;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A question too costly for its caller's timeout, or a caller with too many open streams. */
public class QueryProblemMappers {
  private static final String NARROW =
      "; ask for fewer days, a smaller region or coarser groups, or try when the service is less"
          + " busy";

  @ServerExceptionMapper
  public Response timedOut(QueryTimedOut e) {
    return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "query-timeout", e.getMessage() + NARROW)
        .toResponse();
  }

  @ServerExceptionMapper
  public Response ledgerTimedOut(QueryTimeoutException e) {
    return Problem.of(
            Response.Status.SERVICE_UNAVAILABLE,
            "query-timeout",
            "the question took longer than an auditor's queries may" + NARROW)
        .toResponse();
  }

  @ServerExceptionMapper
  public Response tooManyStreams(TooManyStreams e) {
    return Problem.of(Response.Status.TOO_MANY_REQUESTS, "too-many-streams", e.getMessage())
        .toResponse();
  }
}
