package cn.shishi.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that sends a body must say what it is: without a Content-Type (or with an empty one)
 * the REST layer would guess JSON and take it. 415 instead, before anything reads the body.
 */
public class ContentTypeRequired {
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> require(ContainerRequestContext request) {
    String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (WITH_BODY.contains(request.getMethod())
        && hasBody(request)
        && request.getUriInfo().getPath().startsWith("/api/")
        && (type == null || type.isBlank())) {
      return Optional.of(
          Problem.of(
                  Response.Status.UNSUPPORTED_MEDIA_TYPE,
                  "content-type-required",
                  Languages.of(request),
                  "http.content-type-required")
              .toResponse());
    }
    return Optional.empty();
  }

  /** An empty POST (an action without parameters) needs no type. */
  private static boolean hasBody(ContainerRequestContext request) {
    String encoding = request.getHeaderString("Transfer-Encoding");
    return request.getLength() > 0 || (encoding != null && encoding.contains("chunked"));
  }
}
