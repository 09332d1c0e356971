package cn.shishi.ingest.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rehearsal's requests against a stand-in for the instance's port, which answers 401 until told
 * otherwise: where they go, what they carry, and where the rehearsal stops.
 */
class HttpRehearsalTest {
  private static final byte[] BATCH = "{\"reports\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final List<byte[]> SINGLES = List.of("{}".getBytes(StandardCharsets.UTF_8));

  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> marks = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();
  private volatile int acceptFrom = Integer.MAX_VALUE;
  // Held answers wait for the test's end, so that the rehearsal's own timeout is what ends them.
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean holdAnswers;
  private HttpServer port;

  @BeforeEach
  void open() throws IOException {
    port = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    port.createContext("/", this::answer);
    port.start();
  }

  @AfterEach
  void close() {
    released.countDown();
    port.stop(0);
  }

  @Test
  void everyRequestRefusedGoesUnderTheRootPathWithAnOfficeTokenAndTheMark() throws Exception {
    WarmUpRequests requests = new WarmUpRequests();

    HttpRehearsal.Answers answers =
        rehearsal(Optional.of("enabled"), "none", requests).rehearse(6, BATCH, SINGLES, later());

    assertThat(answers).isEqualTo(new HttpRehearsal.Answers(6, 6, OptionalInt.empty(), false));
    assertThat(paths)
        .containsExactly(
            "/root/api/v1/reports",
            "/root/api/v1/reports/batch",
            "/root/api/v1/reports",
            "/root/api/v1/reports/batch",
            "/root/api/v1/reports",
            "/root/api/v1/reports/batch");
    assertThat(authorizations)
        .allMatch(value -> value.matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"));
    assertThat(marks).hasSize(6).doesNotContainNull().containsOnly(marks.get(0));
  }

  @Test
  void anAnswerOtherThan401StopsTheRehearsalAndIsReported() throws Exception {
    acceptFrom = 3;

    HttpRehearsal.Answers answers =
        rehearsal(Optional.of("enabled"), "none", new WarmUpRequests())
            .rehearse(10, BATCH, SINGLES, later());

    assertThat(answers).isEqualTo(new HttpRehearsal.Answers(3, 2, OptionalInt.of(202), false));
    assertThat(answered).as("no request after the one accepted").hasValue(3);
  }

  @Test
  void aRequestNotAnsweredInItsTimeEndsTheRehearsalAndIsReported() throws Exception {
    holdAnswers = true;

    HttpRehearsal.Answers answers =
        rehearsal(
                Optional.of("enabled"), "none", new WarmUpRequests(), false, Duration.ofMillis(200))
            .rehearse(10, BATCH, SINGLES, later());

    assertThat(answers).isEqualTo(new HttpRehearsal.Answers(1, 0, OptionalInt.empty(), true));
    await("the one request arrived").untilAsserted(() -> assertThat(paths).hasSize(1));
  }

  @Test
  void only404Or405BeforeAuthenticationIsAnsweredBeforeTheToken() {
    WarmUpRequests requests = new WarmUpRequests();
    HttpRehearsal inTheRestLayer =
        rehearsal(Optional.empty(), "none", requests, false, HttpRehearsal.REQUEST_TIMEOUT);
    HttpRehearsal proactive =
        rehearsal(Optional.empty(), "none", requests, true, HttpRehearsal.REQUEST_TIMEOUT);

    assertThat(inTheRestLayer.answeredBeforeTheToken(404)).isTrue();
    assertThat(inTheRestLayer.answeredBeforeTheToken(405)).isTrue();
    assertThat(inTheRestLayer.answeredBeforeTheToken(403)).isFalse();
    assertThat(inTheRestLayer.answeredBeforeTheToken(202)).isFalse();
    assertThat(proactive.answeredBeforeTheToken(404))
        .as("proactive: the token was verified before the route was looked for")
        .isFalse();
  }

  @Test
  void whyNoPlainHttpIsServedIsSaid() {
    WarmUpRequests requests = new WarmUpRequests();

    assertThat(rehearsal(Optional.of("redirect"), "none", requests).noPlainHttp())
        .isEqualTo("quarkus.http.insecure-requests=redirect");
    assertThat(rehearsal(Optional.of("Disabled"), "none", requests).noPlainHttp())
        .isEqualTo("quarkus.http.insecure-requests=disabled");
    assertThat(rehearsal(Optional.empty(), "required", requests).noPlainHttp())
        .isEqualTo("client certificates required");
  }

  @Test
  void noRequestGoesOutPastTheDeadlineOrWithoutAPlainHttpPort() throws Exception {
    WarmUpRequests requests = new WarmUpRequests();

    assertThat(
            rehearsal(Optional.of("enabled"), "none", requests)
                .rehearse(10, BATCH, SINGLES, Deadline.after(Duration.ZERO)))
        .isEqualTo(HttpRehearsal.Answers.NONE);
    assertThat(
            rehearsal(Optional.of("redirect"), "none", requests)
                .rehearse(10, BATCH, SINGLES, later()))
        .isEqualTo(HttpRehearsal.Answers.NONE);
    assertThat(
            rehearsal(Optional.empty(), "required", requests).rehearse(10, BATCH, SINGLES, later()))
        .as("client certificates required: Quarkus serves no plain HTTP")
        .isEqualTo(HttpRehearsal.Answers.NONE);
    assertThat(answered).hasValue(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    paths.add(exchange.getRequestURI().getPath());
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    marks.add(exchange.getRequestHeaders().getFirst(WarmUpRequests.HEADER));
    exchange.getRequestBody().readAllBytes();
    if (holdAnswers) {
      hold();
    }
    int status = answered.incrementAndGet() >= acceptFrom ? 202 : 401;
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** A port too busy to answer until the test ends. */
  private void hold() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpRehearsal rehearsal(
      Optional<String> insecureRequests, String clientAuth, WarmUpRequests requests) {
    return rehearsal(insecureRequests, clientAuth, requests, false, HttpRehearsal.REQUEST_TIMEOUT);
  }

  private HttpRehearsal rehearsal(
      Optional<String> insecureRequests,
      String clientAuth,
      WarmUpRequests requests,
      boolean proactiveAuthentication,
      Duration requestTimeout) {
    // Without a trailing slash, as Quarkus gives a root path.
    URI base = URI.create("http://127.0.0.1:" + port.getAddress().getPort() + "/root");
    return new HttpRehearsal(
        new StandIn(base),
        requests,
        new ObjectMapper(),
        Clock.systemUTC(),
        "issuer",
        insecureRequests,
        clientAuth,
        proactiveAuthentication,
        requestTimeout);
  }

  private static Deadline later() {
    return Deadline.after(Duration.ofSeconds(30));
  }

  /** What Quarkus says of its HTTP server, for a server this test runs. */
  private record StandIn(URI base) implements io.quarkus.vertx.http.HttpServer {
    @Override
    public int getPort() {
      return base.getPort();
    }

    @Override
    public int getSecurePort() {
      return -1;
    }

    @Override
    public int getManagementPort() {
      return -1;
    }

    @Override
    public URI getLocalBaseUri() {
      return base;
    }
  }
}
