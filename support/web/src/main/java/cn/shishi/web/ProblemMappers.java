package cn.shishi.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves either API as RFC 9457 {@code application/problem+json}. The services index
 * this library ({@code quarkus.index-dependency.web}) so that Quarkus finds these mappers.
 */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response invalid(InvalidRequestException e) {
    return Problem.invalid(e.errors()).toResponse();
  }

  /**
   * Bean Validation on query parameters ({@code @BeanParam} records) and bodies: 422 with each
   * violation at its parameter or field, as every other invalid request.
   */
  @ServerExceptionMapper
  public Response violated(ConstraintViolationException e) {
    return Problem.invalid(
            e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(pointer(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::pointer))
                .toList())
        .toResponse();
  }

  /** The violated parameter or field, the last name of the path: {@code list.params.state}. */
  private static String pointer(Path path) {
    String last = "";
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
        last = node.getName();
      }
    }
    return last.isEmpty() || last.startsWith("arg") ? "" : "/" + last;
  }

  /** Well-formed JSON of the wrong shape: a wrong type, an unknown or server-owned field. */
  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      return malformed(e);
    }
    String detail =
        e instanceof UnrecognizedPropertyException unknown
            ? "unknown or server-owned field '" + unknown.getPropertyName() + "'"
            : "has the wrong type: " + firstLine(e.getOriginalMessage());
    return Problem.invalid(List.of(new Problem.FieldError(pointer(e), detail))).toResponse();
  }

  /** A number too large for its field: well-formed JSON, so a 422 at the field. */
  @ServerExceptionMapper
  public Response outOfRange(InputCoercionException e) {
    JsonParser parser = e.getProcessor();
    String pointer = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
    return Problem.invalid(
            List.of(
                new Problem.FieldError(
                    pointer, "number out of range: " + firstLine(e.getOriginalMessage()))))
        .toResponse();
  }

  /** Well-formed JSON whose value a field cannot take (a number out of range, a null). */
  @ServerExceptionMapper
  public Response unmappable(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatch) {
      return mismatched(mismatch);
    }
    Throwable root = e.getCause() == null ? e : e.getCause();
    if (root instanceof StreamReadException syntax && !(root instanceof InputCoercionException)) {
      return malformed(syntax);
    }
    String detail =
        root instanceof JsonProcessingException json
            ? json.getOriginalMessage()
            : root.getMessage();
    return Problem.invalid(List.of(new Problem.FieldError(pointer(e), firstLine(detail))))
        .toResponse();
  }

  /** Not JSON at all: truncated, trailing garbage, duplicate keys, invalid escapes. */
  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "malformed-json",
            "the body is not valid JSON: " + firstLine(e.getOriginalMessage()))
        .toResponse();
  }

  /** No token, or one that fails verification (signature, issuer, audience, expiry). */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e) {
    Response problem =
        Problem.of(
                Response.Status.UNAUTHORIZED,
                "unauthorized",
                "a valid Bearer token is required (RS256; issuer, audience and expiry are checked)")
            .toResponse();
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    String detail =
        e.getMessage() == null || e.getMessage().isBlank()
            ? "your token's roles do not allow this"
            : e.getMessage();
    return Problem.of(Response.Status.FORBIDDEN, "forbidden", detail).toResponse();
  }

  @ServerExceptionMapper
  public Response outsideRegion(OutsideRegionException e) {
    return new Problem(
            Problem.of(Response.Status.FORBIDDEN, "outside-region", null).type(),
            "Forbidden",
            403,
            "outside your region claim (" + e.region() + "); nothing was changed",
            e.errors())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    // The JSON reader wraps what the parser found; say that, not just "Bad Request".
    if (e.getCause() instanceof InputCoercionException coercion) {
      return outOfRange(coercion);
    }
    if (e.getCause() instanceof MismatchedInputException mismatch) {
      return mismatched(mismatch);
    }
    if (e.getCause() instanceof JsonMappingException mapping) {
      return unmappable(mapping);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformed(json);
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
    return Problem.of(status, slug, e.getMessage()).toResponse();
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

  private static String firstLine(String message) {
    return message == null ? "" : message.split("\n")[0];
  }
}
