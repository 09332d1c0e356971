package cn.shishi.web;

import cn.shishi.contract.Messages;
import cn.shishi.contract.report.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem detail, with the invalid fields of a 422 in {@code errors}. {@code type},
 * {@code status} and the pointers are for programs and never change with the language; {@code
 * title} and {@code detail} are for people, in the caller's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String INVALID_REQUEST = "invalid-request";

  /** 422, which JAX-RS has no constant for. */
  public static final Response.StatusType UNPROCESSABLE =
      new Response.StatusType() {
        @Override
        public int getStatusCode() {
          return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
          return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
          return "Unprocessable Content";
        }
      };

  private static final String TYPE_BASE = "https://shishi.example.cn/problems/";

  /** One invalid field or parameter, located by a JSON pointer into the request. */
  public record FieldError(String pointer, String detail) {}

  /** A problem whose detail is the text of {@code key} in {@code locale}. */
  public static Problem of(
      Response.StatusType status, String slug, Locale locale, String key, Object... args) {
    return new Problem(
        TYPE_BASE + slug,
        title(status, locale),
        status.getStatusCode(),
        Messages.text(locale, key, args),
        null);
  }

  /** The refusal {@code e} in {@code locale}. */
  public static Problem of(ProblemException e, Locale locale) {
    List<FieldError> errors =
        e.errors().isEmpty()
            ? null
            : e.errors().stream().map(v -> new FieldError(v.pointer(), v.detail(locale))).toList();
    return new Problem(
        TYPE_BASE + e.slug(),
        title(e.status(), locale),
        e.status().getStatusCode(),
        e.detail(locale),
        errors);
  }

  /** A 422 listing {@code errors}: the request is well-formed but breaks the contract. */
  public static Problem invalid(List<Violation> errors, Locale locale) {
    return invalidFields(
        errors.stream().map(v -> new FieldError(v.pointer(), v.detail(locale))).toList(), locale);
  }

  /** A 422 listing {@code errors} whose texts are in {@code locale} already. */
  public static Problem invalidFields(List<FieldError> errors, Locale locale) {
    return new Problem(
        TYPE_BASE + INVALID_REQUEST,
        title(UNPROCESSABLE, locale),
        UNPROCESSABLE.getStatusCode(),
        Messages.text(locale, InvalidRequestException.key(errors.size()), errors.size()),
        List.copyOf(errors));
  }

  /** The status's name in {@code locale}; the HTTP reason phrase for a status without one. */
  private static String title(Response.StatusType status, Locale locale) {
    String key = "title." + status.getStatusCode();
    return Messages.has(key) ? Messages.text(locale, key) : status.getReasonPhrase();
  }

  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
