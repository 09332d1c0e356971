package cn.shishi.bench;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The load's posts, over Vert.x's HTTP client. The JDK's {@code HttpClient} spent 0.66 ms of the
 * generator's CPU a single report on this 2-core machine (B3, 2026-12-05), so that a generator at
 * 2,000 reports a second took 1.3 cores from the services it measures.
 */
final class Posts implements AutoCloseable {
  /** A post's answer: its status and its body. */
  record Answer(int status, String body) {}

  private static final long TIMEOUT_MILLIS = 30_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  // The generator's own permits bound the requests in flight (--connections, --concurrency); the
  // pool is sized never to be the limit.
  private static final int MAX_CONNECTIONS = 1_024;

  private final Vertx vertx;
  private final HttpClient http;

  static {
    // Vert.x and Netty would log through Log4j's API, which POI brings without a provider, and
    // print an ERROR saying so; the JDK's logging is enough for the little they log. Once a JVM,
    // before either logs.
    System.setProperty(
        "vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
  }

  Posts() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS),
            new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
  }

  /** Posts {@code body} as JSON with {@code token}; completes with the answer, or its failure. */
  CompletableFuture<Answer> post(URI uri, String token, byte[] body) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(uri.toString())
            .setTimeout(TIMEOUT_MILLIS)
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Content-Type", "application/json");
    return http.request(request)
        .compose(sent -> sent.send(Buffer.buffer(body)))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        answer ->
                            new Answer(
                                response.statusCode(), answer.toString(StandardCharsets.UTF_8))))
        .toCompletionStage()
        .toCompletableFuture();
  }

  @Override
  public void close() {
    // Vert.x's event loop is not a daemon thread: the generator's JVM would not end without this.
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // At exit: every answer the figures count has arrived already.
    }
  }
}
