package cn.shishi.ingest.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TopicReader;
import cn.shishi.ingest.config.IngestConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A started ingest rehearses its reports' path before it is ready, and publishes none of it. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class WarmUpTest {
  private static final String WARM_UP_STATUS = "checks.find { it.name == 'warm-up' }.status";

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @Inject WarmUp warmUp;
  @Inject IngestConfig config;

  @Test
  void theWarmUpEndsReadyAndPublishesNothing() {
    await("the warm-up over")
        .atMost(Duration.ofSeconds(60))
        .until(() -> "UP".equals(given().get(readiness).then().extract().path(WARM_UP_STATUS)));

    assertThat(warmUp.serialised())
        .as("every made-up report valid")
        .isEqualTo(config.warmUpReports());
    try (TopicReader topic =
        new TopicReader(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports")) {
      assertThat(topic.find("\"officeId\":\"warm-up\"")).isEmpty();
    }
  }
}
