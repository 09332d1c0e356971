package cn.shishi.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, with the invalid fields of a 422 in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://shishi.example.cn/problems/";

  /** One invalid field or parameter, located by a JSON pointer into the request. */
  public record FieldError(String pointer, String detail) {}

  public static Problem of(Response.StatusType status, String slug, String detail) {
    return new Problem(
        TYPE_BASE + slug, status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  /** A 422: the request is well-formed but breaks the contract; every broken field is listed. */
  public static Problem invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? "1 invalid field; nothing was changed"
            : errors.size() + " invalid fields; nothing was changed";
    return new Problem(
        TYPE_BASE + "invalid-request", "Unprocessable Content", 422, detail, List.copyOf(errors));
  }

  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
