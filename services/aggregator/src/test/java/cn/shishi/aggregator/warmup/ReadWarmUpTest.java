package cn.shishi.aggregator.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A started aggregator answers each of its dashboards' questions once before it is ready. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ReadWarmUpTest {
  private static final String WARM_UP = "checks.find { it.name == 'warm-up' }";

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @Inject ReadWarmUp warmUp;
  @Inject AggregatorConfig config;

  @Test
  void theWarmUpAnswersEveryQuestionBeforeItIsReady() {
    await("the warm-up over")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> "UP".equals(given().get(readiness).then().extract().path(WARM_UP + ".status")));

    assertThat(config.warmUpQueries()).as("every shape asked at least once").isGreaterThan(8);
    assertThat(warmUp.answered()).as("no question failed").isEqualTo(config.warmUpQueries());
    assertThat(
            given()
                .get(readiness)
                .then()
                .extract()
                .<Integer>path(WARM_UP + ".data.'questions answered'"))
        .isEqualTo(config.warmUpQueries());
  }
}
