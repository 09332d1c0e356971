package cn.shishi.ingest.rest;

import cn.shishi.ingest.config.IngestConfig;
import cn.shishi.ingest.domain.InvalidReportException;
import cn.shishi.ingest.limits.RateLimitedException;
import cn.shishi.ingest.messaging.PublishFailedException;
import cn.shishi.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The ingest's own failures as problem details; the common ones are in {@code shishi-web}. */
public class IngestProblemMappers {
  private static final Logger LOG = Logger.getLogger(IngestProblemMappers.class);

  private final IngestConfig config;

  public IngestProblemMappers(IngestConfig config) {
    this.config = config;
  }

  @ServerExceptionMapper
  public Response invalid(InvalidReportException e) {
    List<Problem.FieldError> errors =
        e.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.detail())).toList();
    return Problem.invalid(errors).toResponse();
  }

  @ServerExceptionMapper
  public Response rateLimited(RateLimitedException e) {
    Response problem =
        Problem.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited", e.getMessage()).toResponse();
    return Response.fromResponse(problem)
        .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .build();
  }

  @ServerExceptionMapper
  public Response unavailable(PublishFailedException e) {
    LOG.warnf("answering 503: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
    Response problem =
        Problem.of(
                Response.Status.SERVICE_UNAVAILABLE,
                "kafka-unavailable",
                "Kafka did not confirm in time; nothing was accepted. Retry with the same reportId.")
            .toResponse();
    return Response.fromResponse(problem)
        .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
        .build();
  }
}
