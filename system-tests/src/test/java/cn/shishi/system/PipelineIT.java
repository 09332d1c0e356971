package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.DevTokens;
import cn.shishi.infra.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both packaged services as separate processes, one real broker, one real PostgreSQL: a report
 * posted to the ingest shows up in the aggregator's totals and metrics, and a program an admin adds
 * on the ingest is known to both.
 */
class PipelineIT {
  private static Stack stack;

  @BeforeAll
  static void startStack() {
    stack = new Stack("pipeline");
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private static void post(String token, String program) {
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(
            """
            {"reportId": "%s", "regionCode": "330281", "program": "%s",
             "taskType": "lecture", "quantity": 1, "beneficiaries": 120,
             "completedAt": "2021-05-14T10:30:00+08:00"}
            """
                .formatted(UUID.randomUUID(), program))
        .post(stack.ingest.url("/api/v1/reports"))
        .then()
        .statusCode(202);
  }

  @Test
  void aPostedReportReachesTheTotalsAndTheMetrics() {
    post(TestTokens.office("3302"), "practical-deeds");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.totals("?county=330281").getLong("rows[0].reports") == 1);
    var totals = stack.totals("?groupBy=city");
    assertThat(totals.getMap("rows[0].group")).containsEntry("city", "3302");
    assertThat(totals.getMap("rows[0].names")).containsEntry("city", "宁波市");
    assertThat(totals.getLong("rows[0].beneficiaries")).isEqualTo(120);

    String metrics = given().get(stack.aggregator.managementUrl("/q/metrics")).asString();
    assertThat(metrics)
        .containsPattern(
            "shishi_reports_processed_total\\{[^}]*outcome=\"counted\"[^}]*province=\"33\"[^}]*\\}"
                + " 1\\.0");
    assertThat(given().get(stack.ingest.managementUrl("/q/metrics")).asString())
        .containsPattern("shishi_ingest_reports_total\\{outcome=\"accepted\"\\} 1\\.0");
  }

  @Test
  void aProgramAnAdminAddsIsAcceptedByTheIngestAndNamedByTheAggregator() {
    given()
        .auth()
        .oauth2(DevTokens.token("admin-1", "admin", "00").mint())
        .contentType("application/json")
        .body("{\"name\": \"系列宣讲\", \"unit\": \"场\"}")
        .put(stack.ingest.url("/api/v1/catalog/task-types/lecture-series"))
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(DevTokens.token("admin-1", "admin", "00").mint())
        .contentType("application/json")
        .body("{\"name\": \"河长制 清河行动\"}")
        .put(stack.ingest.url("/api/v1/catalog/programs/clean-rivers"))
        .then()
        .statusCode(200);
    post(TestTokens.office("3302"), "clean-rivers");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "河长制 清河行动"
                    .equals(
                        stack
                            .totals("?program=clean-rivers&groupBy=program")
                            .getString("rows[0].names.program")));
  }
}
