package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicFixture;
import cn.shishi.ingest.Samples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An office past its rate gets 429 with Retry-After; nothing of it is published; others go on. */
@QuarkusTest
@TestProfile(RateLimitTest.SlowOffices.class)
@WithTestResource(ShishiInfrastructureResource.class)
class RateLimitTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension final TopicFixture topic = TopicFixture.reports();
  @Inject MeterRegistry metrics;

  /** A whole batch at once, then one report every ten seconds. */
  public static class SlowOffices implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "shishi.ingest.rate-limit.reports-per-second", "0.1",
          "shishi.ingest.rate-limit.burst", "1000");
    }
  }

  private static ObjectNode batch(int n) {
    ObjectNode body = JSON.createObjectNode();
    var reports = body.putArray("reports");
    for (int i = 0; i < n; i++) {
      reports.add(Samples.reportRequest());
    }
    return body;
  }

  private static io.restassured.response.ValidatableResponse post(String token, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .post("/api/v1/reports" + (body.startsWith("{\"reports\"") ? "/batch" : ""))
        .then();
  }

  private double rateLimited() {
    return metrics.counter("shishi.ingest.reports", "outcome", "rate-limited").count();
  }

  @Test
  void anOfficePastItsRateIsAskedToWaitAndTheOthersAreNot() {
    String jiaxing = TestTokens.clerk("jx-clerk-wang", "jx-office-1", "3304");
    String colleague = TestTokens.clerk("jx-clerk-li", "jx-office-1", "3304");
    double before = rateLimited();
    post(jiaxing, batch(1000).toString()).statusCode(202);

    ObjectNode refused = Samples.reportRequest();
    post(colleague, refused.toString())
        .statusCode(429)
        .contentType("application/problem+json")
        // A token comes every 10 s; the batch itself may have taken a second or two of that.
        .header("Retry-After", matchesPattern("[1-9]|10"))
        .body("type", endsWith("rate-limited"));
    post(
            TestTokens.office("nb-office-1", "3302"),
            Samples.reportRequest().put("regionCode", "330203").toString())
        .statusCode(202);

    assertThat(rateLimited() - before).isEqualTo(1);
    assertThat(topic.reader().find(refused.get("reportId").asText())).isEmpty();
  }
}
