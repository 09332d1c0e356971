package cn.shishi.bench;

import cn.shishi.infra.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** The two services' HTTP APIs, with development tokens (docs/security.md). */
final class Api implements AutoCloseable {
  /** One figure of {@code /api/v1/totals}. */
  record Totals(long reports, long quantity, long beneficiaries) {
    Totals minus(Totals other) {
      return new Totals(
          reports - other.reports, quantity - other.quantity, beneficiaries - other.beneficiaries);
    }
  }

  private final URI ingest;
  private final URI aggregator;
  // Where posts go once the warm-up is over, if not to the ingest above (B9), and its readiness.
  private URI measuredIngest;
  private ReadinessWatch measuredIngestReadiness;
  private volatile long measuredFromNanos = Long.MAX_VALUE;
  private final ExecutorService executor;
  private final HttpClient http;
  private final Posts posts;
  private final Map<String, String> officeTokens = new ConcurrentHashMap<>();
  private final String auditorToken =
      DevTokens.token("bench-auditor", "auditor", "00").validFor(Duration.ofHours(12)).mint();

  private final String adminToken =
      DevTokens.token("bench-admin", "admin", "00").validFor(Duration.ofHours(12)).mint();

  Api(String ingest, String aggregator, int threads) {
    this.ingest = URI.create(ingest.replaceAll("/+$", ""));
    this.aggregator = URI.create(aggregator.replaceAll("/+$", ""));
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "http");
              thread.setDaemon(true);
              return thread;
            });
    // HTTP/1.1 explicitly: the default tries an h2c upgrade on every new connection.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
    // Last: its event loop is a thread that must be closed, so nothing may fail after it starts.
    this.posts = new Posts();
  }

  /** The token of the office of {@code region} (2, 4 or 6 digits) named {@code subject}. */
  String officeToken(String subject, String region) {
    return officeTokens.computeIfAbsent(
        subject + "|" + region,
        key -> DevTokens.token(subject, "office", region).validFor(Duration.ofHours(12)).mint());
  }

  /** From {@link #measureFrom} on, posts go to {@code url} instead. */
  void measureIngest(String url) {
    measuredIngest = URI.create(url.replaceAll("/+$", ""));
  }

  /**
   * Posts move to the measured ingest only once {@code url} (its readiness check) answers 200, as a
   * load balancer's would: what is measured is its first seconds of answering, not its start.
   */
  void measureWhenReady(String url) {
    measuredIngestReadiness = new ReadinessWatch(URI.create(url), http);
  }

  /** Whether posts wait for the measured ingest's readiness ({@link #measureWhenReady}). */
  boolean waitsForMeasuredIngest() {
    return measuredIngest != null && measuredIngestReadiness != null;
  }

  /** Whether the measured ingest may take posts: true unless its readiness says otherwise. */
  boolean measuredIngestReady() {
    return !waitsForMeasuredIngest() || measuredIngestReadiness.ready();
  }

  /** The moment posts move to the measured ingest, in {@link System#nanoTime()}'s terms. */
  void measureFrom(long nanos) {
    measuredFromNanos = nanos;
  }

  /** The ingest a post goes to at {@code nanos}. */
  URI ingestAt(long nanos) {
    return measuredIngest != null && nanos >= measuredFromNanos ? measuredIngest : ingest;
  }

  CompletableFuture<Posts.Answer> post(String path, String token, String body) {
    return post(path, token, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A post of a body encoded already: a prepared load's requests are not encoded as they go. */
  CompletableFuture<Posts.Answer> post(String path, String token, byte[] body) {
    return posts.post(ingestAt(System.nanoTime()).resolve(path), token, body);
  }

  /** A PUT to the aggregator as a national admin; refuses anything but 200. */
  void putAggregator(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(aggregator.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "PUT " + path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  CompletableFuture<HttpResponse<String>> getAggregator(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(aggregator.resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + auditorToken)
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  JsonNode aggregatorJson(String pathAndQuery) {
    return json(pathAndQuery, getAggregator(pathAndQuery).join());
  }

  private static JsonNode json(String pathAndQuery, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return Report.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + pathAndQuery + " did not answer JSON", e);
    }
  }

  /** The single-row total of {@code /api/v1/totals} for these filters. */
  Totals totals(Map<String, String> filters) {
    String query =
        filters.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    JsonNode rows =
        aggregatorJson("/api/v1/totals" + (query.isEmpty() ? "" : "?" + query)).path("rows");
    if (rows.isEmpty()) {
      return new Totals(0, 0, 0);
    }
    JsonNode row = rows.get(0);
    // The API never adds quantities of different units; the load check adds them into a
    // checksum of every quantity filed, which no one reads as a figure.
    long quantityChecksum = 0;
    for (JsonNode quantity : row.path("quantities")) {
      quantityChecksum += quantity.asLong();
    }
    return new Totals(
        row.path("reports").asLong(), quantityChecksum, row.path("beneficiaries").asLong());
  }

  /**
   * Waits until the aggregator has applied everything Kafka holds (reconciliation's {@code
   * pendingRecords} is 0) and returns the last reconciliation.
   */
  JsonNode awaitDrained(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode reconciliation = reconciliationOrNull();
      if (reconciliation != null && reconciliation.path("pendingRecords").asLong(-1) == 0) {
        return reconciliation;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the aggregator still has "
                + (reconciliation == null ? "?" : reconciliation.path("pendingRecords").asText())
                + " records pending after "
                + timeout.toSeconds()
                + " s");
      }
      Thread.sleep(1000);
    }
  }

  /** The reconciliation, or null while another one runs (409: one at a time, asked again). */
  private JsonNode reconciliationOrNull() {
    String path = "/api/v1/audit/reconciliation";
    HttpResponse<String> response = getAggregator(path).join();
    if (response.statusCode() == 409) {
      return null;
    }
    return json(path, response);
  }

  @Override
  public void close() {
    try {
      if (measuredIngestReadiness != null) {
        measuredIngestReadiness.close();
      }
      executor.shutdownNow();
    } finally {
      posts.close();
    }
  }
}
