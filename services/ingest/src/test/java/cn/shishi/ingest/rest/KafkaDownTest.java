package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicReader;
import cn.shishi.ingest.Samples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** With its broker stopped, the ingest is not ready, answers 503 and publishes nothing. */
@QuarkusTest
@TestProfile(OwnBrokerProfile.class)
class KafkaDownTest {
  private static final String PRODUCER_STATUS =
      "checks.find { it.name == 'task-reports producer' }.status";

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  private String producerReadiness() {
    return given().get(readiness).then().extract().path(PRODUCER_STATUS);
  }

  private static Response file(ObjectNode report) {
    return given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(report.toString())
        .post("/api/v1/reports");
  }

  private static List<ConsumerRecord<String, String>> published(String reportId) {
    try (TopicReader topic =
        new TopicReader(OwnBrokerProfile.broker().bootstrapServers(), "task-reports")) {
      return topic.find(reportId);
    }
  }

  @Test
  void answers503WithRetryAfterAndPublishesNothingWhileKafkaIsDown() {
    ObjectNode report = Samples.reportRequest();
    String id = report.get("reportId").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(producerReadiness()));
    OwnBrokerProfile.broker().close();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                Response health = given().get(readiness);
                return health.statusCode() == 503 && "DOWN".equals(health.path(PRODUCER_STATUS));
              });
      file(report)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("5"));
    } finally {
      OwnBrokerProfile.broker().start();
    }
    assertThat(published(id)).isEmpty();

    // Kafka back: the office retries with the same id, as Retry-After tells it to, until the
    // producer has reconnected; the retry is accepted.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> file(report).statusCode() == 202);
    assertThat(published(id)).isNotEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(producerReadiness()));
  }
}
