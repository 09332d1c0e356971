package cn.shishi.web;

import cn.shishi.contract.Messages;
import cn.shishi.contract.report.Violation;
import com.fasterxml.jackson.core.JsonLocation;
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
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves either API as RFC 9457 {@code application/problem+json}, in the caller's
 * language ({@link Languages}). The services index this library ({@code
 * quarkus.index-dependency.web}) so that Quarkus finds these mappers. What a library says about a
 * failure never reaches the caller: its messages name Java types and are in English only.
 */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response refused(ProblemException e, HttpHeaders headers) {
    Response response = Problem.of(e, Languages.of(headers)).toResponse();
    if (e.retryAfterSeconds().isEmpty()) {
      return response;
    }
    return Response.fromResponse(response)
        .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().getAsLong())
        .build();
  }

  /**
   * Bean Validation on query parameters ({@code @BeanParam} records) and bodies: 422 with each
   * violation at its parameter or field, as every other invalid request. Hibernate Validator has
   * already written the messages in the caller's language ({@code quarkus.locales}).
   */
  @ServerExceptionMapper
  public Response violated(ConstraintViolationException e, HttpHeaders headers) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(pointer(v.getPropertyPath()), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::pointer))
            .toList();
    return Problem.invalidFields(errors, Languages.of(headers)).toResponse();
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
  public Response mismatched(MismatchedInputException e, HttpHeaders headers) {
    if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      return malformed(e, headers);
    }
    Violation violation =
        e instanceof UnrecognizedPropertyException unknown
            ? new Violation(pointer(e), "json.unknown-field", unknown.getPropertyName())
            : new Violation(pointer(e), "json.wrong-type." + kind(e.getTargetType()));
    return invalid(violation, headers);
  }

  /** A number too large for its field: well-formed JSON, so a 422 at the field. */
  @ServerExceptionMapper
  public Response outOfRange(InputCoercionException e, HttpHeaders headers) {
    JsonParser parser = e.getProcessor();
    String pointer = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
    return invalid(new Violation(pointer, "json.out-of-range"), headers);
  }

  /** Well-formed JSON whose value a field cannot take (a date that is no date, say). */
  @ServerExceptionMapper
  public Response unmappable(JsonMappingException e, HttpHeaders headers) {
    if (e instanceof MismatchedInputException mismatch) {
      return mismatched(mismatch, headers);
    }
    Throwable root = e.getCause() == null ? e : e.getCause();
    if (root instanceof StreamReadException syntax && !(root instanceof InputCoercionException)) {
      return malformed(syntax, headers);
    }
    return invalid(new Violation(pointer(e), "json.unmappable"), headers);
  }

  /** Not JSON at all: truncated, trailing garbage, duplicate keys, invalid escapes. */
  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e, HttpHeaders headers) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? Problem.of(
                Response.Status.BAD_REQUEST,
                "malformed-json",
                Languages.of(headers),
                "json.malformed")
            .toResponse()
        : Problem.of(
                Response.Status.BAD_REQUEST,
                "malformed-json",
                Languages.of(headers),
                "json.malformed.at",
                at.getLineNr(),
                at.getColumnNr())
            .toResponse();
  }

  /** No token, or one that fails verification (signature, issuer, audience, expiry). */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, HttpHeaders headers) {
    Response problem =
        Problem.of(
                Response.Status.UNAUTHORIZED,
                "unauthorized",
                Languages.of(headers),
                "auth.required")
            .toResponse();
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  /** The token's roles do not allow the endpoint ({@code @RolesAllowed}). */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpHeaders headers) {
    return Problem.of(
            Response.Status.FORBIDDEN, "forbidden", Languages.of(headers), "auth.forbidden")
        .toResponse();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, HttpHeaders headers) {
    // The JSON reader wraps what the parser found; say that, not just "Bad Request".
    if (e.getCause() instanceof InputCoercionException coercion) {
      return outOfRange(coercion, headers);
    }
    if (e.getCause() instanceof MismatchedInputException mismatch) {
      return mismatched(mismatch, headers);
    }
    if (e.getCause() instanceof JsonMappingException mapping) {
      return unmappable(mapping, headers);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformed(json, headers);
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    String slug = status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    String key = "http." + status.getStatusCode();
    return Problem.of(status, slug, Languages.of(headers), Messages.has(key) ? key : "http.other")
        .toResponse();
  }

  private static Response invalid(Violation violation, HttpHeaders headers) {
    return Problem.invalid(List.of(violation), Languages.of(headers)).toResponse();
  }

  /** What a JSON value of the target type looks like, in the words of the API's documentation. */
  private static String kind(Class<?> type) {
    if (type == null) {
      return "other";
    }
    if (type == UUID.class) {
      return "uuid";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "time";
    }
    if (type == String.class || type.isEnum()) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
        ? "object"
        : "other";
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
}
