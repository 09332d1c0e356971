package cn.shishi.ingest.rest;

import cn.shishi.ingest.config.IngestConfig;
import cn.shishi.web.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * 413 before reading a body that is larger than its endpoint allows: 1 MiB for one report, 8 MiB
 * for a batch, by default. (A body sent without a length is stopped by the HTTP layer's limit.)
 */
public class BodyLimits {
  private final IngestConfig config;

  public BodyLimits(IngestConfig config) {
    this.config = config;
  }

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> limit(ContainerRequestContext request) {
    int length = request.getLength();
    long limit =
        request.getUriInfo().getPath().endsWith("/batch")
            ? config.maxBatchBytes()
            : config.maxReportBytes();
    if (length > limit) {
      return Optional.of(
          Problem.of(
                  Response.Status.REQUEST_ENTITY_TOO_LARGE,
                  "body-too-large",
                  "the body has " + length + " bytes; this endpoint takes at most " + limit)
              .toResponse());
    }
    return Optional.empty();
  }
}
