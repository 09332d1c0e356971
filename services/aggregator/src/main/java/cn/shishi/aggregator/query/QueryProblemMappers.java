package cn.shishi.aggregator.query;

import cn.shishi.web.Languages;
import cn.shishi.web.Problem;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A ledger question (JPA) too costly for an auditor's timeout. */
public class QueryProblemMappers {

  @ServerExceptionMapper
  public Response ledgerTimedOut(QueryTimeoutException e, HttpHeaders headers) {
    return Problem.of(
            Response.Status.SERVICE_UNAVAILABLE,
            "query-timeout",
            Languages.of(headers),
            "query.timeout.ledger")
        .toResponse();
  }
}
