package cn.shishi.console.downstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the ingest and the aggregator: answers the ingest's catalogue with empty lists and
 * everything else 503 (the page then says the services are away), and remembers, per call, its
 * method, path and trace headers. {@code GET /stub/calls} lists them, one line each: method, path,
 * traceparent, baggage ("-" where absent). The test reads them over HTTP because it may not share
 * this class's loader.
 */
public class DownstreamStub implements QuarkusTestResourceLifecycleManager {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen", e);
    }
    server.createContext("/", this::answer);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return Map.of("quarkus.rest-client.ingest.url", url, "quarkus.rest-client.aggregator.url", url);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/stub/calls")) {
      send(exchange, 200, String.join("\n", calls));
      return;
    }
    calls.add(
        String.join(
            " ",
            exchange.getRequestMethod(),
            path,
            header(exchange, "traceparent"),
            header(exchange, "baggage")));
    if (path.startsWith("/api/v1/catalog/")) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      send(exchange, 200, "[]");
    } else {
      send(exchange, 503, "");
    }
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "-" : value;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
