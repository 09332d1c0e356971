package cn.shishi.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.DevTokens;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Subscribers of the live stream see a committed batch within a second or so; they share one
 * question's updates; each caller has a bounded number of streams, which end with their tokens.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class TotalsStreamTest {
  private static final int SUBSCRIBERS = 100;

  @TestHTTPResource("/api/v1/totals/stream")
  URL stream;

  @Inject TotalsStream streams;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One SSE connection, collecting the data lines of its "totals" events. */
  static final class Subscriber {
    final List<String> totals = new CopyOnWriteArrayList<>();
    final HttpResponse<Stream<String>> response;
    volatile boolean ended;

    Subscriber(HttpClient client, URI uri) throws Exception {
      this(client, uri, TestTokens.auditor());
    }

    Subscriber(HttpClient client, URI uri, String token) throws Exception {
      response =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + token)
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
        ended = true;
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
    List<Subscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < SUBSCRIBERS; i++) {
      // A caller may hold a few streams: these are a hundred auditors' dashboards.
      String token = DevTokens.token("auditor-" + i, "auditor", "00").mint();
      subscribers.add(new Subscriber(client, uri, token));
    }
    assertThat(subscribers).allMatch(s -> s.response.statusCode() == 200);
    assertThat(streams.questions())
        .filteredOn(q -> q.county().equals(Optional.of("330482")))
        .as("a hundred subscribers of one question share its updates")
        .hasSize(1);
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

  @Test
  void aCallerHoldsAtMostFiveStreamsAndGetsASeatBackWhenOneCloses() throws Exception {
    String token = DevTokens.token("auditor-many-tabs", "auditor", "00").mint();
    URI uri = URI.create(stream + "?province=33");
    List<Subscriber> open = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      open.add(new Subscriber(client, uri, token));
    }
    assertThat(open).allMatch(s -> s.response.statusCode() == 200);

    Answer sixth = refusedOrOpened(uri, token);
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.contentType()).isEqualTo("application/problem+json");
    assertThat(sixth.body()).contains("too-many-streams");
    assertThat(new Subscriber(client, uri).response.statusCode())
        .as("another caller is not held back")
        .isEqualTo(200);

    open.remove(0).response.body().close();
    await().atMost(Duration.ofSeconds(10)).until(() -> refusedOrOpened(uri, token).status() == 200);
    open.forEach(s -> s.response.body().close());
  }

  @Test
  void aStreamEndsWhenItsTokenExpires() throws Exception {
    String token =
        DevTokens.token("auditor-short", "auditor", "00").validFor(Duration.ofSeconds(3)).mint();
    Subscriber subscriber = new Subscriber(client, URI.create(stream + "?province=35"), token);
    assertThat(subscriber.response.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> subscriber.ended);
    assertThat(subscriber.totals).isNotEmpty();
  }

  /** The answer to one more stream request: its status, and its body when it is a refusal. */
  private Answer refusedOrOpened(URI uri, String token) throws Exception {
    HttpResponse<Stream<String>> response =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    // An opened stream never ends by itself: only a refusal is read to its end.
    String body =
        response.statusCode() == 200
            ? ""
            : response.body().collect(java.util.stream.Collectors.joining("\n"));
    response.body().close();
    return new Answer(
        response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
  }

  private record Answer(int status, String contentType, String body) {}
}
