package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both packaged services as separate processes, one real broker, one real PostgreSQL: a report
 * posted to the ingest shows up in the aggregator's totals and metrics.
 */
class PipelineIT {
  private static Stack stack;
  private static ServiceProcess aggregator;
  private static ServiceProcess ingest;

  @BeforeAll
  static void startStack() {
    stack = new Stack("pipeline");
    aggregator = stack.aggregator;
    ingest = stack.ingest;
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aPostedReportReachesTheTotalsAndTheMetrics() {
    String reportId = UUID.randomUUID().toString();
    given()
        .contentType("application/json")
        .body(
            """
            {"reportId": "%s", "regionCode": "330281", "program": "practical-deeds",
             "taskType": "lecture", "quantity": 1, "beneficiaries": 120,
             "completedAt": "2021-05-14T10:30:00+08:00"}
            """
                .formatted(reportId))
        .post(ingest.url("/api/v1/reports"))
        .then()
        .statusCode(202);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .queryParam("county", "330281")
                        .get(aggregator.url("/api/v1/totals"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("rows[0].reports")
                    == 1);
    var totals =
        given().queryParam("groupBy", "city").get(aggregator.url("/api/v1/totals")).jsonPath();
    assertThat(totals.getMap("rows[0].group")).containsEntry("city", "3302");
    assertThat(totals.getMap("rows[0].names")).containsEntry("city", "宁波市");
    assertThat(totals.getLong("rows[0].reports")).isEqualTo(1);
    assertThat(totals.getLong("rows[0].beneficiaries")).isEqualTo(120);

    String metrics = given().get(aggregator.managementUrl("/q/metrics")).asString();
    assertThat(metrics)
        .containsPattern(
            "shishi_reports_processed_total\\{[^}]*outcome=\"counted\"[^}]*province=\"33\"[^}]*\\} 1\\.0");
  }
}
