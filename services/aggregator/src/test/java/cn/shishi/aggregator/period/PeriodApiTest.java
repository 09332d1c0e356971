package cn.shishi.aggregator.period;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 宁波 closes March 2023 with two lectures (quantity 4 and 6); then a late lecture (5) lands in March
 * and the first is withdrawn. The live totals move; the published figures do not; the difference
 * and the two ledger changes behind it are shown side by side; an admin reopens, and the next close
 * publishes the figures as they then stand.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class PeriodApiTest {
  private static final String PATH = "/api/v1/periods/3302/2023-03";

  private static ObjectNode lecture(int quantity, String day) {
    ObjectNode report = Pipeline.report("330203", day + "T10:00:00+08:00", quantity);
    report.put("program", "practical-deeds").put("taskType", "lecture");
    return report;
  }

  private static ValidatableResponse post(String token, String path, Object body) {
    var request = given().auth().oauth2(token).contentType("application/json");
    if (body != null) {
      request.body(body);
    }
    return request.post(path).then();
  }

  private static JsonPath view() {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get(PATH)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aClosedMonthKeepsItsPublishedFiguresBesideTheLiveOnes() {
    ObjectNode first = lecture(4, "2023-03-02");
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(first);
      pipeline.file(lecture(6, "2023-03-09"));
    }
    Pipeline.awaitDrained();
    assertThat(view().getString("status")).isEqualTo("open");

    post(TestTokens.manager("3301"), PATH + "/close", null).statusCode(403);
    JsonPath closed =
        post(TestTokens.manager("3302"), PATH + "/close", null)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(closed.getString("status")).isEqualTo("closed");
    assertThat(closed.getLong("rows[0].published.quantity")).isEqualTo(10);
    assertThat(closed.getLong("restatementCount")).isZero();
    post(TestTokens.manager("33"), PATH + "/close", null)
        .statusCode(409)
        .body("type", equalTo("https://shishi.example.cn/problems/period-closed"));

    ObjectNode late = lecture(5, "2023-03-20");
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(late);
      pipeline.withdraw(Pipeline.withdrawal(first, "jx-office-1"), "33");
    }
    Pipeline.awaitDrained();

    assertThat(
            Pipeline.totals(Map.of("city", "3302", "from", "2023-03-01", "to", "2023-03-31"))
                .getLong("rows[0].quantity"))
        .as("the live totals count the late report and the withdrawal")
        .isEqualTo(11);
    JsonPath restated = view();
    assertThat(restated.getString("status")).isEqualTo("closed");
    assertThat(restated.getString("rows[0].unit")).isEqualTo("场");
    assertThat(restated.getLong("rows[0].published.quantity")).isEqualTo(10);
    assertThat(restated.getLong("rows[0].published.reports")).isEqualTo(2);
    assertThat(restated.getLong("rows[0].now.quantity")).isEqualTo(11);
    assertThat(restated.getLong("rows[0].difference.quantity")).isEqualTo(1);
    assertThat(restated.getLong("rows[0].difference.reports")).isZero();
    assertThat(restated.getLong("restatementCount")).isEqualTo(2);
    assertThat(restated.getList("restatements.change"))
        .containsExactlyInAnyOrder("filed", "withdrawn");
    assertThat(restated.getList("restatements.reportId"))
        .containsExactlyInAnyOrder(late.get("reportId").asText(), first.get("reportId").asText());
    assertThat(restated.getList("restatements.quantity", Long.class))
        .containsExactlyInAnyOrder(5L, -4L);

    post(TestTokens.manager("3302"), PATH + "/reopen", Map.of("reason", "x")).statusCode(403);
    post(TestTokens.admin(), PATH + "/reopen", Map.of("reason", "")).statusCode(422);
    JsonPath reopened =
        post(TestTokens.admin(), PATH + "/reopen", Map.of("reason", "补报三月宣讲"))
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(reopened.getString("status")).isEqualTo("reopened");
    assertThat(reopened.getString("reopenReason")).isEqualTo("补报三月宣讲");
    post(TestTokens.admin(), PATH + "/reopen", Map.of("reason", "again")).statusCode(409);

    JsonPath again =
        post(TestTokens.manager("3302"), PATH + "/close", null)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(again.getLong("rows[0].published.quantity")).isEqualTo(11);
    assertThat(again.getLong("restatementCount")).isZero();
  }

  @Test
  void aCountysMonthIsClosedAndItsLateReportsCountedAfter() {
    // A county's month is its own month cells (V18; V17 had summed them from its day cells).
    String county = "/api/v1/periods/330203/2023-04";
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(lecture(2, "2023-04-01"));
      pipeline.file(lecture(3, "2023-04-30"));
      pipeline.file(lecture(7, "2023-05-01"));
    }
    Pipeline.awaitDrained();
    JsonPath closed =
        post(TestTokens.manager("3302"), county + "/close", null)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(closed.getLong("rows[0].published.quantity")).isEqualTo(5);
    assertThat(closed.getLong("rows[0].published.reports")).isEqualTo(2);

    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(lecture(4, "2023-04-15"));
    }
    Pipeline.awaitDrained();
    JsonPath now =
        given().auth().oauth2(TestTokens.auditor()).get(county).then().extract().jsonPath();
    assertThat(now.getLong("rows[0].now.quantity")).isEqualTo(9);
    assertThat(now.getLong("rows[0].published.quantity")).isEqualTo(5);
  }

  @Test
  void aMonthIsClosedOnlyOnceItIsOverAndOnlyAsAMonth() {
    String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    given()
        .auth()
        .oauth2(TestTokens.manager("33"))
        .header("Accept-Language", "zh-CN")
        .post("/api/v1/periods/33/" + thisMonth + "/close")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/month"))
        .body("errors[0].detail", org.hamcrest.Matchers.containsString("尚未结束"));
    post(TestTokens.manager("33"), "/api/v1/periods/33/2023-13/close", null).statusCode(422);
    post(TestTokens.manager("33"), "/api/v1/periods/99/2023-01/close", null).statusCode(422);
  }

  @Test
  void publishedFiguresCannotBeEditedEvenInTheDatabase() {
    post(TestTokens.manager("35"), "/api/v1/periods/35/2022-01/close", null).statusCode(200);
    var dataSource = Arc.container().instance(AgroalDataSource.class).get();
    assertThatThrownBy(
            () -> Pipeline.sql(dataSource, "DELETE FROM period_close WHERE region_code = '35'"))
        .rootCause()
        .hasMessageContaining("only ever reopened");
    assertThatThrownBy(
            () ->
                Pipeline.sql(
                    dataSource, "UPDATE period_close SET closed_by = 'x' WHERE region_code = '35'"))
        .rootCause()
        .hasMessageContaining("only ever reopened");
  }
}
