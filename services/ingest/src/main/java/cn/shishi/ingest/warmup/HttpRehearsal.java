package cn.shishi.ingest.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the instance's own reports' endpoints requests that it refuses before anything would be
 * published: each carries a bearer token shaped like an office's whose signature is random bytes.
 * The request goes through Netty, the routes, Quarkus REST's matching and the token's full
 * verification (the trusted key's RSA arithmetic runs, and finds the signature wrong), and is
 * answered 401 as problem details, in Chinese or English. The 256-byte signature fits a 2048-bit
 * key; a trusted key of another size refuses it before the arithmetic, and the rest still warms.
 * The requests go to the plain HTTP port; an instance that has none, or only redirects it to HTTPS,
 * sends none.
 */
@ApplicationScoped
public class HttpRehearsal {
  // The identity provider's issuer, when none is configured: the token is refused either way.
  private static final String ISSUER_UNSET = "shishi-warm-up";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final int SIGNATURE_BYTES = 256;
  // How long one request may wait for its answer: an instance that cannot answer itself in that
  // time is too busy for the rest to be worth it.
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final WarmUpRequests requests;
  private final ObjectMapper json;
  private final Clock clock;
  private final String issuer;
  private final boolean plainHttp;
  private final String noPlainHttp;
  private final boolean proactiveAuthentication;
  private final Duration requestTimeout;

  @Inject
  public HttpRehearsal(
      HttpServer server,
      WarmUpRequests requests,
      ObjectMapper json,
      Clock clock,
      @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = ISSUER_UNSET) String issuer,
      @ConfigProperty(name = "quarkus.http.insecure-requests") Optional<String> insecureRequests,
      @ConfigProperty(name = "quarkus.http.ssl.client-auth", defaultValue = "none")
          String clientAuth,
      @ConfigProperty(name = "quarkus.http.auth.proactive", defaultValue = "true")
          boolean proactiveAuthentication) {
    this(
        server,
        requests,
        json,
        clock,
        issuer,
        insecureRequests,
        clientAuth,
        proactiveAuthentication,
        REQUEST_TIMEOUT);
  }

  HttpRehearsal(
      HttpServer server,
      WarmUpRequests requests,
      ObjectMapper json,
      Clock clock,
      String issuer,
      Optional<String> insecureRequests,
      String clientAuth,
      boolean proactiveAuthentication,
      Duration requestTimeout) {
    this.proactiveAuthentication = proactiveAuthentication;
    this.requestTimeout = requestTimeout;
    this.server = server;
    this.requests = requests;
    this.json = json;
    this.clock = clock;
    this.issuer = issuer;
    // As Quarkus decides: unset, plain HTTP is served unless client certificates are required.
    this.plainHttp =
        insecureRequests
            .map("enabled"::equalsIgnoreCase)
            .orElse(!"required".equalsIgnoreCase(clientAuth));
    this.noPlainHttp =
        insecureRequests
            .map(value -> "quarkus.http.insecure-requests=" + value.toLowerCase(Locale.ROOT))
            .orElse("client certificates required");
  }

  /** Whether the instance answers plain HTTP requests, which the rehearsal sends. */
  boolean plainHttp() {
    return plainHttp;
  }

  /**
   * Whether an answer other than 401 came before the token was looked at: with authentication in
   * the REST layer (not proactive, as support/web configures it), a path or method that matches no
   * endpoint is answered 404 or 405 first. Proactive, Quarkus verifies a bearer token before it
   * routes, and every other answer means the token was not refused.
   */
  boolean answeredBeforeTheToken(int status) {
    return !proactiveAuthentication && (status == 404 || status == 405);
  }

  /** How long one request may wait for its answer, the deadline permitting. */
  Duration requestTimeout() {
    return requestTimeout;
  }

  /** Why the instance serves no plain HTTP, when it does not: redirected, disabled, or mTLS. */
  String noPlainHttp() {
    return noPlainHttp;
  }

  /**
   * How the instance answered: how many requests were sent, how many refused 401, the first other
   * status, and whether the last request went unanswered within its timeout.
   */
  record Answers(int sent, int refused, OptionalInt unexpectedStatus, boolean timedOut) {
    static final Answers NONE = new Answers(0, 0, OptionalInt.empty(), false);
  }

  /**
   * Sends up to {@code count} requests, alternately one of {@code singles} to the single report's
   * endpoint and {@code batch} to the batch's, one at a time. Stops at the deadline, at the first
   * not answered within its timeout, at the first that cannot be sent (an exception) and at the
   * first answered otherwise than 401: a token signed by no one must never pass.
   */
  Answers rehearse(int count, byte[] batch, List<byte[]> singles, Deadline deadline)
      throws IOException, InterruptedException {
    if (count <= 0 || !plainHttp) {
      return Answers.NONE;
    }
    // Relative, so that a root path (quarkus.http.root-path) in the base is kept.
    // Quarkus gives the base without a trailing slash (http://host:8080/root): with one, the
    // relative paths resolve under the root path instead of replacing its last segment.
    String base = server.getLocalBaseUri().toString();
    URI root = URI.create(base.endsWith("/") ? base : base + "/");
    URI reports = root.resolve("api/v1/reports");
    URI batches = root.resolve("api/v1/reports/batch");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = token();
    int sent = 0;
    int refused = 0;
    while (sent < count && !deadline.passed()) {
      boolean single = sent % 2 == 0;
      HttpRequest request =
          requests
              .mark(HttpRequest.newBuilder(single ? reports : batches))
              .timeout(deadline.left(requestTimeout))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Accept-Language", sent % 4 < 2 ? "zh-CN" : "en")
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      single ? singles.get(sent / 2 % singles.size()) : batch))
              .build();
      int status;
      try {
        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (HttpTimeoutException e) {
        // Cut short by the deadline, or an instance too busy to answer itself: said, not thrown.
        return new Answers(sent + 1, refused, OptionalInt.empty(), true);
      }
      sent++;
      if (status != 401) {
        return new Answers(sent, refused, OptionalInt.of(status), false);
      }
      refused++;
    }
    return new Answers(sent, refused, OptionalInt.empty(), false);
  }

  /** An office's token as the identity provider would issue it, but signed by no one. */
  private String token() throws IOException {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT");
    Map<String, Object> claims =
        Map.of(
            "iss", issuer,
            "aud", "shishi",
            "sub", "warm-up",
            "upn", "warm-up",
            "groups", List.of("office"),
            "region", "330402",
            "office", "warm-up",
            "iat", now,
            "exp", now + 600);
    byte[] signature = new byte[SIGNATURE_BYTES];
    new SecureRandom().nextBytes(signature);
    // Below any 2048-bit modulus, so that the verification does the arithmetic before it refuses.
    signature[0] = 0;
    return BASE64URL.encodeToString(json.writeValueAsBytes(header))
        + "."
        + BASE64URL.encodeToString(json.writeValueAsBytes(claims))
        + "."
        + BASE64URL.encodeToString(signature);
  }
}
