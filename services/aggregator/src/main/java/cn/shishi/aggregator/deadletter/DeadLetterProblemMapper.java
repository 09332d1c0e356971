package cn.shishi.aggregator.deadletter;

import cn.shishi.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Dead-letter requests that cannot be done, as problem details. */
public class DeadLetterProblemMapper {

  @ServerExceptionMapper
  public Response problem(DeadLetterProblem e) {
    if (e instanceof DeadLetterProblem.InvalidCorrection invalid) {
      return Problem.invalid(
              invalid.violations().stream()
                  .map(v -> new Problem.FieldError("/payload" + v.pointer(), v.detail()))
                  .toList())
          .toResponse();
    }
    if (e instanceof DeadLetterProblem.NotFound) {
      return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage()).toResponse();
    }
    if (e instanceof DeadLetterProblem.KafkaUnavailable) {
      return Response.fromResponse(
              Problem.of(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable", e.getMessage())
                  .toResponse())
          .header(HttpHeaders.RETRY_AFTER, 5)
          .build();
    }
    return Problem.of(Response.Status.CONFLICT, "dead-letter-resolved", e.getMessage())
        .toResponse();
  }
}
