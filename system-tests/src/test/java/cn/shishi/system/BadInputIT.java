package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.DevTokens;
import cn.shishi.infra.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request of the bad-input corpus (src/test/resources/bad-input/corpus.jsonl, over 330)
 * against the packaged ingest: each gets its 4xx as a problem detail, none a 5xx, and afterwards
 * the topic, the ledger and the rollups are exactly as before.
 */
class BadInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = new Stack("bad-input");
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyBadRequestIsRefusedWithAProblemAndChangesNothing() throws Exception {
    List<JsonNode> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(330);
    long topicBefore = topicSize();
    // The rows only: asOf moves with the clock while nothing is pending.
    List<Object> totalsBefore = stack.totals("?groupBy=province,program,taskType").getList("rows");

    List<String> failures = new ArrayList<>();
    for (JsonNode request : corpus) {
      HttpResponse<String> response = send(request);
      int expected = request.get("expect").asInt();
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      if (response.statusCode() != expected
          || !contentType.startsWith("application/problem+json")) {
        failures.add(
            "#%d %s: expected %d problem+json, got %d %s %s"
                .formatted(
                    request.get("id").asInt(),
                    request.get("what").asText(),
                    expected,
                    response.statusCode(),
                    contentType,
                    response.body().length() > 200
                        ? response.body().substring(0, 200)
                        : response.body()));
      }
    }

    assertThat(failures).as(String.join("\n", failures)).isEmpty();
    assertThat(topicSize()).as("records in task-reports").isEqualTo(topicBefore);
    assertThat(stack.totals("?groupBy=province,program,taskType").getList("rows"))
        .isEqualTo(totalsBefore);
    assertThat(stack.reconciliation().getLong("pendingRecords")).isZero();
    assertThat(stack.reconciliation().getBoolean("consistent")).isTrue();
    System.out.printf("bad input: %d requests refused, none published%n", corpus.size());
  }

  private static List<JsonNode> corpus() throws IOException {
    List<JsonNode> corpus = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/bad-input/corpus.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        corpus.add(JSON.readTree(line));
      }
    }
    return corpus;
  }

  private static long topicSize() {
    try (TopicReader reader =
        new TopicReader(stack.infrastructure.bootstrapServers(), "task-reports")) {
      return reader.endOffsetSum();
    }
  }

  private static HttpResponse<String> send(JsonNode request) throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(stack.ingest.url(request.get("path").asText())))
            .timeout(Duration.ofSeconds(30))
            .method(request.get("method").asText(), body(request));
    if (request.has("contentType") && (request.has("body") || request.has("bodyBase64"))) {
      builder.header("Content-Type", request.get("contentType").asText());
    }
    authorization(request.get("token").asText())
        .ifPresent(value -> builder.header("Authorization", value));
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher body(JsonNode request) {
    if (request.has("bodyBase64")) {
      return HttpRequest.BodyPublishers.ofByteArray(
          Base64.getDecoder().decode(request.get("bodyBase64").asText()));
    }
    if (!request.has("body")) {
      return HttpRequest.BodyPublishers.noBody();
    }
    String body = request.get("body").asText();
    if (request.has("fill")) {
      body = body.replace("@FILL@", "x".repeat(request.get("fill").get("size").asInt()));
    }
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  /** The Authorization header for a kind of token named in the corpus. */
  private static java.util.Optional<String> authorization(String kind) {
    Map<String, String> special =
        Map.of("none", "", "garbage", "Bearer not.a.jwt", "basic-auth", "Basic dXNlcjpwYXNz");
    if (special.containsKey(kind)) {
      String value = special.get(kind);
      return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
    DevTokens office = DevTokens.token("jx-office-1", "office", "3304");
    DevTokens token =
        switch (kind) {
          case "office-3304" -> office;
          case "office-3302" -> DevTokens.token("nb-office", "office", "3302");
          case "office-no-region" -> DevTokens.token("lost-office", "office", null);
          case "manager-3304" -> DevTokens.token("m", "manager", "3304");
          case "auditor" -> DevTokens.token("a", "auditor", "00");
          case "admin" -> DevTokens.token("ad", "admin", "00");
          case "office-claim-nul" -> DevTokens.token("clerk", "office", "3304").office("jx\u0000");
          case "office-claim-long" ->
              DevTokens.token("clerk", "office", "3304").office("o".repeat(200));
          case "expired" -> office.expired();
          case "not-yet-valid" -> office.notYetValid();
          case "bad-signature" -> office.signedByStranger();
          case "alg-none" -> office.unsigned();
          case "wrong-issuer" -> office.issuer("https://evil.example");
          case "wrong-audience" -> office.audience("someone-else");
          default -> throw new IllegalArgumentException("unknown token kind " + kind);
        };
    return java.util.Optional.of("Bearer " + token.mint());
  }
}
