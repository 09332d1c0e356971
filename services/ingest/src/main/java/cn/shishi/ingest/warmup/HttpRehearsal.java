package cn.shishi.ingest.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the instance's own reports' endpoints requests that it refuses before anything would be
 * published: each carries a bearer token shaped like an office's whose signature is random bytes.
 * The request goes through Netty, the routes, Quarkus REST's matching and the token's full
 * verification (the trusted key's RSA arithmetic runs, and finds the signature wrong), and is
 * answered 401 as problem details, in Chinese or English. The 256-byte signature fits a 2048-bit
 * key; a trusted key of another size refuses it before the arithmetic, and the rest still warms.
 */
@ApplicationScoped
public class HttpRehearsal {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final int SIGNATURE_BYTES = 256;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final WarmUpRequests requests;
  private final ObjectMapper json;
  private final Clock clock;
  private final String issuer;

  public HttpRehearsal(
      HttpServer server,
      WarmUpRequests requests,
      ObjectMapper json,
      Clock clock,
      @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
    this.server = server;
    this.requests = requests;
    this.json = json;
    this.clock = clock;
    this.issuer = issuer.orElse("shishi-warm-up");
  }

  /**
   * Sends {@code count} requests, alternately one of {@code singles} to the single report's
   * endpoint and {@code batch} to the batch's, one at a time; returns how many were refused 401.
   * Stops at the first that cannot be sent.
   */
  public int rehearse(int count, byte[] batch, List<byte[]> singles)
      throws IOException, InterruptedException {
    URI reports = server.getLocalBaseUri().resolve("/api/v1/reports");
    URI batches = server.getLocalBaseUri().resolve("/api/v1/reports/batch");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = token();
    int refused = 0;
    for (int i = 0; i < count; i++) {
      boolean single = i % 2 == 0;
      HttpRequest request =
          requests
              .mark(HttpRequest.newBuilder(single ? reports : batches))
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Accept-Language", i % 4 < 2 ? "zh-CN" : "en")
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      single ? singles.get(i / 2 % singles.size()) : batch))
              .build();
      if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
        refused++;
      }
    }
    return refused;
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
