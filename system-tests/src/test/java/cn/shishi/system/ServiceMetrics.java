package cn.shishi.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One service instance's Prometheus metrics, read as a scrape would read them. */
final class ServiceMetrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServiceMetrics() {}

  /**
   * The sum of every sample of {@code name} whose labels include {@code labels} (0 when there is
   * none): {@code sum(name{labels})}.
   */
  static double sum(ServiceProcess service, String name, Map<String, String> labels) {
    double sum = 0;
    for (String line : scrape(service).lines().toList()) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        boolean matches =
            labels.entrySet().stream()
                .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""));
        if (matches) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return sum;
  }

  static double sum(ServiceProcess service, String name) {
    return sum(service, name, Map.of());
  }

  private static String scrape(ServiceProcess service) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(service.managementUrl("/q/metrics")))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot scrape " + service, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
