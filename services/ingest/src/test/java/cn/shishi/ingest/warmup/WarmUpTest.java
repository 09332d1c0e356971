package cn.shishi.ingest.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TopicReader;
import cn.shishi.ingest.config.IngestConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A started ingest rehearses its reports' path before it is ready, sends its own endpoints requests
 * they refuse, and publishes none of it; requests with its mark, as the warm-up's carry, stay out
 * of the HTTP metrics.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class WarmUpTest {
  private static final String WARM_UP_STATUS = "checks.find { it.name == 'warm-up' }.status";

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @TestHTTPResource("/api/v1/reports")
  URL reports;

  @Inject WarmUp warmUp;
  @Inject IngestConfig config;
  @Inject MeterRegistry metrics;
  @Inject WarmUpRequests requests;

  @Test
  void theWarmUpEndsReadyAndPublishesNothing() {
    awaitWarmUp();

    assertThat(warmUp.serialised())
        .as("every made-up report valid")
        .isEqualTo(config.warmUpReports());
    assertThat(warmUp.refused())
        .as("every request to its own endpoints refused 401")
        .isEqualTo(config.warmUpRequests());
    try (TopicReader topic =
        new TopicReader(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports")) {
      assertThat(topic.find("\"officeId\":\"warm-up\"")).isEmpty();
    }
  }

  @Test
  void requestsWithTheInstancesMarkAreNotCountedAndNoCallerCanGuessIt() throws Exception {
    awaitWarmUp();
    long before = refusedAndCounted();

    HttpRequest marked =
        requests
            .mark(HttpRequest.newBuilder(reports.toURI()))
            .header("Authorization", "Bearer not-a-token")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertThat(
            HttpClient.newHttpClient()
                .send(marked, HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(401);
    // A guess of another length, one of the mark's length and shape, and no header at all.
    for (String guess : List.of("a guess", UUID.randomUUID().toString(), "")) {
      RequestSpecification request = given();
      if (!guess.isEmpty()) {
        request.header(WarmUpRequests.HEADER, guess);
      }
      request
          .header("Authorization", "Bearer not-a-token")
          .contentType("application/json")
          .body("{}")
          .post(reports)
          .then()
          .statusCode(401);
    }

    await("the guesses counted, and only the guesses")
        .atMost(Duration.ofSeconds(10))
        .during(Duration.ofMillis(500))
        .until(() -> refusedAndCounted() == before + 3);
  }

  @Test
  void aPathWithNoEndpointIsAnswered404WithoutLookingAtTheToken() throws Exception {
    // The premise of the warm-up's WARN for a 404: authentication is in the REST layer.
    given()
        .header("Authorization", "Bearer not-a-token")
        .contentType("application/json")
        .body("{}")
        .post(reports.toURI().resolve("/api/v1/no-such-endpoint"))
        .then()
        .statusCode(404);
  }

  private void awaitWarmUp() {
    await("the warm-up over")
        .atMost(Duration.ofSeconds(60))
        .until(() -> "UP".equals(given().get(readiness).then().extract().path(WARM_UP_STATUS)));
  }

  private long refusedAndCounted() {
    return metrics.find("http.server.requests").tag("status", "401").timers().stream()
        .mapToLong(Timer::count)
        .sum();
  }
}
