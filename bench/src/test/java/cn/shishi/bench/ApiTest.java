package cn.shishi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where the load's posts go: B9 warms the generator on one ingest and measures another. */
class ApiTest {
  private static final URI RUNNING = URI.create("http://127.0.0.1:8080");
  private static final URI FRESH = URI.create("http://127.0.0.1:8090");

  @Test
  void postsGoToTheIngestGivenWhenNoOtherIsMeasured() {
    try (Api api = new Api("http://127.0.0.1:8080/", "http://127.0.0.1:8081", 1)) {
      api.measureFrom(0);
      assertThat(api.ingestAt(Long.MAX_VALUE)).isEqualTo(RUNNING);
    }
  }

  @Test
  void postsGoToTheMeasuredIngestOnceTheWarmUpIsOver() {
    try (Api api = new Api("http://127.0.0.1:8080", "http://127.0.0.1:8081", 1)) {
      api.measureIngest("http://127.0.0.1:8090/");
      assertThat(api.ingestAt(5_000)).isEqualTo(RUNNING);
      api.measureFrom(10_000);
      assertThat(api.ingestAt(9_999)).isEqualTo(RUNNING);
      assertThat(api.ingestAt(10_000)).isEqualTo(FRESH);
    }
  }

  @Test
  void theMeasuredIngestTakesPostsOnlyOnceItsReadinessAnswers200() throws IOException {
    AtomicInteger status = new AtomicInteger(503);
    AtomicInteger checks = new AtomicInteger();
    HttpServer readiness = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    readiness.createContext(
        "/q/health/ready",
        exchange -> {
          checks.incrementAndGet();
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    readiness.start();
    String url = "http://127.0.0.1:" + readiness.getAddress().getPort() + "/q/health/ready";
    try (Api api = new Api("http://127.0.0.1:8080", "http://127.0.0.1:8081", 1)) {
      api.measureIngest("http://127.0.0.1:8090");
      api.measureWhenReady(url);
      await().atMost(Duration.ofSeconds(5)).until(() -> checks.get() >= 3);
      assertThat(api.measuredIngestReady()).isFalse();
      status.set(200);
      await().atMost(Duration.ofSeconds(5)).until(api::measuredIngestReady);
    } finally {
      readiness.stop(0);
    }
  }

  @Test
  void aMeasuredIngestNotListeningYetIsNotReady() throws IOException {
    int closedPort = closedPort();
    try (Api api = new Api("http://127.0.0.1:8080", "http://127.0.0.1:8081", 1)) {
      api.measureIngest("http://127.0.0.1:8090");
      api.measureWhenReady("http://127.0.0.1:" + closedPort + "/q/health/ready");
      assertThat(api.waitsForMeasuredIngest()).isTrue();
      assertThat(api.measuredIngestReady()).isFalse();
    }
  }

  @Test
  void withoutAReadinessCheckTheMeasuredIngestIsReadyAtOnce() {
    try (Api api = new Api("http://127.0.0.1:8080", "http://127.0.0.1:8081", 1)) {
      api.measureIngest("http://127.0.0.1:8090");
      assertThat(api.waitsForMeasuredIngest()).isFalse();
      assertThat(api.measuredIngestReady()).isTrue();
    }
  }

  @Test
  void aPostAnswersWithTheStatusAndBodyTheIngestSent() throws IOException {
    HttpServer ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ingest.createContext(
        "/api/v1/reports",
        exchange -> {
          String seen =
              exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          byte[] answer = ("{\"seen\":\"" + seen + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(422, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    ingest.start();
    String url = "http://127.0.0.1:" + ingest.getAddress().getPort();
    try (Api api = new Api(url, "http://127.0.0.1:8081", 1)) {
      Posts.Answer answer = api.post("/api/v1/reports", "t0ken", "{}").join();
      assertThat(answer).isEqualTo(new Posts.Answer(422, "{\"seen\":\"Bearer t0ken {}\"}"));
    } finally {
      ingest.stop(0);
    }
  }

  @Test
  void aPostNobodyAnswersFails() throws IOException {
    int closedPort = closedPort();
    try (Api api = new Api("http://127.0.0.1:" + closedPort, "http://127.0.0.1:8081", 1)) {
      assertThat(api.post("/api/v1/reports", "t0ken", "{}"))
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class);
    }
  }

  /** A port nothing listens on: it was free a moment ago, and nothing here takes it since. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
