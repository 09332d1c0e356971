package cn.shishi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service's readiness check every 100 ms, on a thread of its own, until it answers 200 (B9's
 * freshly started ingest). The load's sending thread only reads the answer: a check that hangs on a
 * starting JVM must not hold up the requests due meanwhile.
 */
final class ReadinessWatch implements AutoCloseable {
  private static final Duration INTERVAL = Duration.ofMillis(100);

  private final HttpRequest check;
  private final HttpClient http;
  private final Thread watcher;
  private volatile boolean ready;

  ReadinessWatch(URI readiness, HttpClient http) {
    this.check = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(1)).GET().build();
    this.http = http;
    this.watcher = new Thread(this::watch, "readiness-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Whether the service has answered ready; once it has, it stays so for the load. */
  boolean ready() {
    return ready;
  }

  private void watch() {
    try {
      while (!answersReady()) {
        Thread.sleep(INTERVAL.toMillis());
      }
      ready = true;
    } catch (InterruptedException closed) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean answersReady() throws InterruptedException {
    try {
      return http.send(check, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  @Override
  public void close() {
    watcher.interrupt();
  }
}
