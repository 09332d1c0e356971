package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.infra.TopicReader;
import cn.shishi.ingest.Samples;
import cn.shishi.ingest.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With its broker stopped, the ingest answers 503 and publishes nothing. */
@QuarkusTest
@TestProfile(OwnBrokerProfile.class)
class KafkaDownTest {

  @Test
  void answers503WithRetryAfterAndPublishesNothingWhileKafkaIsDown() {
    ObjectNode report = Samples.reportRequest();
    String id = report.get("reportId").asText();
    OwnBrokerProfile.broker().close();
    try {
      given()
          .auth()
          .oauth2(Tokens.jiaxingOffice())
          .contentType("application/json")
          .body(report.toString())
          .post("/api/v1/reports")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("5"));
    } finally {
      OwnBrokerProfile.broker().start();
    }
    try (TopicReader topic =
        new TopicReader(OwnBrokerProfile.broker().bootstrapServers(), "task-reports")) {
      assertThat(topic.find(id)).isEmpty();
    }

    // Kafka back: the office retries with the same id, as Retry-After tells it to, until the
    // producer has reconnected; the retry is accepted.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(Tokens.jiaxingOffice())
                        .contentType("application/json")
                        .body(report.toString())
                        .post("/api/v1/reports")
                        .statusCode()
                    == 202);
    try (TopicReader topic =
        new TopicReader(OwnBrokerProfile.broker().bootstrapServers(), "task-reports")) {
      assertThat(topic.find(id)).isNotEmpty();
    }
  }
}
