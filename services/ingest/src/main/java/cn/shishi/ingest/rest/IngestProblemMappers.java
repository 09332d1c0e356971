package cn.shishi.ingest.rest;

import cn.shishi.ingest.config.IngestConfig;
import cn.shishi.ingest.messaging.PublishFailedException;
import cn.shishi.web.Languages;
import cn.shishi.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The ingest's own failures as problem details; the common ones are in {@code shishi-web}. */
public class IngestProblemMappers {
  private static final Logger LOG = Logger.getLogger(IngestProblemMappers.class);

  private final IngestConfig config;

  public IngestProblemMappers(IngestConfig config) {
    this.config = config;
  }

  /** Kafka did not acknowledge: the cause is logged, the office is told to retry as it was. */
  @ServerExceptionMapper
  public Response unavailable(PublishFailedException e, HttpHeaders headers) {
    LOG.warnf("answering 503: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
    Response problem =
        Problem.of(
                Response.Status.SERVICE_UNAVAILABLE,
                "kafka-unavailable",
                Languages.of(headers),
                "kafka.unavailable")
            .toResponse();
    return Response.fromResponse(problem)
        .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
        .build();
  }
}
