package cn.shishi.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Subscribers of the live stream see a committed batch within a second or so. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class TotalsStreamTest {
  private static final int SUBSCRIBERS = 100;

  @TestHTTPResource("/api/v1/totals/stream")
  URL stream;

  /** One SSE connection, collecting the data lines of its "totals" events. */
  static final class Subscriber {
    final List<String> totals = new CopyOnWriteArrayList<>();
    final HttpResponse<Stream<String>> response;

    Subscriber(HttpClient client, URI uri) throws Exception {
      response =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + TestTokens.auditor())
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      Thread reader = new Thread(this::read);
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try {
        response.body().filter(line -> line.startsWith("data:")).forEach(totals::add);
      } catch (java.io.UncheckedIOException closedByTheTest) {
        // The test closes the stream when it is done.
      }
    }

    boolean saw(String text) {
      return totals.stream().anyMatch(data -> data.contains(text));
    }
  }

  @Test
  void aHundredSubscribersSeeTheirTotalsChangeAfterAReportIsCounted() throws Exception {
    URI uri = URI.create(stream + "?county=330482&from=2022-01-05&to=2022-01-05");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Subscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < SUBSCRIBERS; i++) {
      subscribers.add(new Subscriber(client, uri));
    }
    assertThat(subscribers).allMatch(s -> s.response.statusCode() == 200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> subscribers.stream().allMatch(s -> s.saw("\"reports\":0")));

    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(Pipeline.report("330482", "2022-01-05T09:00:00+08:00", 6));
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> subscribers.stream().allMatch(s -> s.saw("\"quantity\":6")));
    subscribers.forEach(s -> s.response.body().close());
  }
}
