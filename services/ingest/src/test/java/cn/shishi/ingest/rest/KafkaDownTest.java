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

/**
 * With its broker stopped, the ingest stays ready (in service behind its load balancer), answers
 * 503 with Retry-After and publishes nothing; its wellness check and gauge say Kafka is away.
 */
@QuarkusTest
@TestProfile(OwnBrokerProfile.class)
class KafkaDownTest {
  private static final String PRODUCER_STATUS =
      "checks.find { it.name == 'task-reports producer' }.status";

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "/health/well", management = true)
  URL wellness;

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  private String producerWellness() {
    return given().get(wellness).then().extract().path(PRODUCER_STATUS);
  }

  private double connectionsGauge() {
    return given()
        .get(metrics)
        .then()
        .extract()
        .asString()
        .lines()
        .filter(line -> line.startsWith("shishi_ingest_producer_connections"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
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
    await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(producerWellness()));
    OwnBrokerProfile.broker().close();
    try {
      // The fault happened: the producer lost its connection.
      await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(producerWellness()));
      assertThat(connectionsGauge()).isZero();
      given().get(readiness).then().statusCode(200);
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
    await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(producerWellness()));
    assertThat(connectionsGauge()).isGreaterThanOrEqualTo(1);
  }
}
