package cn.shishi.ingest.rest;

import cn.shishi.ingest.config.IngestConfig;
import cn.shishi.ingest.domain.InvalidReportException;
import cn.shishi.ingest.messaging.PublishFailedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as RFC 9457 {@code application/problem+json}. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final IngestConfig config;

  public ProblemMappers(IngestConfig config) {
    this.config = config;
  }

  @ServerExceptionMapper
  public Response invalid(InvalidReportException e) {
    List<Problem.FieldError> errors =
        e.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.detail())).toList();
    return Problem.invalid(describe(errors), errors).toResponse();
  }

  /** Well-formed JSON of the wrong shape: a wrong type, an unknown or server-owned field. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    String pointer = pointer(e);
    String detail =
        e instanceof UnrecognizedPropertyException unknown
            ? "unknown or server-owned field '" + unknown.getPropertyName() + "'"
            : "has the wrong type: " + e.getOriginalMessage().split("\n")[0];
    List<Problem.FieldError> errors = List.of(new Problem.FieldError(pointer, detail));
    return Problem.invalid(describe(errors), errors).toResponse();
  }

  /** Not JSON at all: truncated, trailing garbage, duplicate keys, invalid escapes. */
  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "malformed-json",
            "the body is not valid JSON: " + e.getOriginalMessage().split("\n")[0])
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unavailable(PublishFailedException e) {
    LOG.warnf("answering 503: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
    Response response =
        Problem.of(
                Response.Status.SERVICE_UNAVAILABLE,
                "kafka-unavailable",
                "the report store did not confirm in time; nothing was accepted, retry with the"
                    + " same reportId")
            .toResponse();
    return Response.fromResponse(response)
        .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
        .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    Response.StatusType status = e.getResponse().getStatusInfo();
    return Problem.of(status, slug(status), e.getMessage()).toResponse();
  }

  private static String slug(Response.StatusType status) {
    return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
  }

  private static String pointer(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null
                    ? "/" + ref.getFieldName().replace("~", "~0").replace("/", "~1")
                    : "/" + ref.getIndex())
        .collect(Collectors.joining());
  }

  private static String describe(List<Problem.FieldError> errors) {
    return errors.size() == 1
        ? "1 invalid field; nothing was accepted"
        : errors.size() + " invalid fields; nothing was accepted";
  }
}
