package cn.shishi.ingest.rest;

import cn.shishi.ingest.config.IngestConfig;
import cn.shishi.web.Languages;
import cn.shishi.web.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * 413 before reading a body that declares more bytes than its endpoint allows: 1 MiB for one
 * report, 8 MiB for a batch, by default. It runs on the HTTP layer ahead of Quarkus's own size
 * check (route order -2), so that every refusal is a problem detail. A body sent without a length
 * (chunked) is cut off by that check at {@code quarkus.http.limits.max-body-size}, the largest
 * endpoint's limit.
 */
@ApplicationScoped
public class BodyLimits {
  private final IngestConfig config;
  private final ObjectMapper json;

  public BodyLimits(IngestConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  void install(@Observes Router router) {
    router.route("/api/*").order(-3).handler(this::check);
  }

  private void check(RoutingContext context) {
    String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long limit =
        context.normalizedPath().endsWith("/batch")
            ? config.maxBatchBytes()
            : config.maxReportBytes();
    long length = declared == null ? -1 : parse(declared);
    if (length > limit) {
      refuse(context, length, limit);
    } else {
      context.next();
    }
  }

  /** The declared length; -1 for one that is not a number (the HTTP layer refuses those). */
  private static long parse(String declared) {
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void refuse(RoutingContext context, long length, long limit) {
    Problem problem =
        Problem.of(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "body-too-large",
            Languages.preferred(
                context.acceptableLanguages().stream()
                    .map(language -> Locale.forLanguageTag(language.value()))
                    .toList()),
            "http.body-too-large",
            length,
            limit);
    try {
      // The body is not read: the connection closes after the answer.
      context
          .response()
          .setStatusCode(problem.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .putHeader(HttpHeaders.CONNECTION, "close")
          .end(Buffer.buffer(json.writeValueAsBytes(problem)));
    } catch (JsonProcessingException e) {
      context.fail(e);
    }
  }
}
