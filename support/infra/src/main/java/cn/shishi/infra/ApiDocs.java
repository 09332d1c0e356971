package cn.shishi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps docs/api.md and a service's OpenAPI document in step, for the services' tests: one check,
 * the same for both.
 */
public final class ApiDocs {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private ApiDocs() {}

  /**
   * Fails unless the service's OpenAPI document (at {@code openapi}, the management interface's
   * {@code /q/openapi}) holds {@code expected}, docs/api.md mentions every path of it, and health
   * and metrics answer without a token.
   */
  public static void check(URL openapi, Collection<String> expected) {
    JsonNode document = document(openapi);
    Set<String> paths = new TreeSet<>();
    document.path("paths").fieldNames().forEachRemaining(paths::add);
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(paths);
    if (!missing.isEmpty()) {
      throw new AssertionError("the OpenAPI document lacks " + missing + "; it has " + paths);
    }
    List<String> undocumented = undocumented(paths);
    if (!undocumented.isEmpty()) {
      throw new AssertionError("docs/api.md does not mention " + undocumented);
    }
    List<String> unnamed = withoutPeoplesNames(document);
    if (!unnamed.isEmpty()) {
      throw new AssertionError(
          "these operations lack a summary, or a tag in English and Chinese: " + unnamed);
    }
    for (String open : List.of("/q/health/ready", "/q/metrics")) {
      int status = get(URI.create(openapi.toString()).resolve(open)).statusCode();
      if (status != 200) {
        throw new AssertionError(open + " answered " + status + " without a token");
      }
    }
  }

  /** The OpenAPI paths that docs/api.md does not mention, verbatim. */
  public static List<String> undocumented(Collection<String> openApiPaths) {
    String root = InfraSettings.lookup("SHISHI_ROOT");
    Path docs = Path.of(root == null ? "../.." : root, "docs", "api.md");
    try {
      String text = Files.readString(docs);
      return openApiPaths.stream().filter(path -> !text.contains(path)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + docs, e);
    }
  }

  /**
   * The operations (as "METHOD path") that Swagger UI would show by generated names: without a
   * summary, or without a tag that gives English and Chinese side by side ("Reports · 报告").
   */
  static List<String> withoutPeoplesNames(JsonNode document) {
    List<String> unnamed = new ArrayList<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          JsonNode tags = operation.getValue().path("tags");
                          boolean named =
                              !METHODS.contains(operation.getKey())
                                  || operation.getValue().path("summary").asText().contains(" · ")
                                      && tags.size() > 0
                                      && tags.get(0).asText().contains(" · ");
                          if (!named) {
                            unnamed.add(operation.getKey().toUpperCase() + " " + path.getKey());
                          }
                        }));
    return unnamed;
  }

  private static JsonNode document(URL openapi) {
    HttpResponse<String> answer = get(URI.create(openapi + "?format=json"));
    try {
      return new ObjectMapper().readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI document is not JSON", e);
    }
  }

  private static HttpResponse<String> get(URI uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
