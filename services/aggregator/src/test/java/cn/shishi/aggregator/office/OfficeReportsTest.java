package cn.shishi.aggregator.office;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An office reads its own reports and what became of them, and nothing of any other office's: not
 * their reports, not their use of the same id, not their dead letters.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class OfficeReportsTest {
  private final Pipeline pipeline = new Pipeline();
  // Offices of their own, so that what other tests file is never in these lists.
  private final String officeA = "office-a-" + UUID.randomUUID().toString().substring(0, 8);
  private final String officeB = "office-b-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void close() {
    pipeline.close();
  }

  private ObjectNode report(String office, String completedAt, int quantity, String receivedAt) {
    ObjectNode report = Pipeline.report("330402", completedAt, quantity);
    report.put("officeId", office);
    report.put("filedBy", office + "-clerk");
    report.put("receivedAt", receivedAt);
    return report;
  }

  private static String token(String office) {
    return TestTokens.office(office, "3304");
  }

  private static JsonPath get(String office, String path, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(token(office))
        .queryParams(query)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void anOfficeListsItsOwnReportsNewestFirstPageByPageAndNoOneElses() {
    ObjectNode first = report(officeA, "2022-03-01T09:00:00+08:00", 2, "2022-03-01T01:00:00Z");
    ObjectNode second = report(officeA, "2022-03-02T09:00:00+08:00", 3, "2022-03-02T01:00:00Z");
    ObjectNode third = report(officeA, "2022-04-05T09:00:00+08:00", 7, "2022-04-05T01:00:00Z");
    // Office B uses one of A's ids, and files one of its own.
    ObjectNode sameId = report(officeB, "2022-03-03T09:00:00+08:00", 40, "2022-03-03T01:00:00Z");
    sameId.put("reportId", second.get("reportId").asText());
    ObjectNode ownOfB = report(officeB, "2022-03-04T09:00:00+08:00", 50, "2022-03-04T01:00:00Z");
    pipeline.fileAll(List.of(first, second, third, sameId, ownOfB));
    pipeline.withdraw(Pipeline.withdrawal(first, officeA), "33");
    Pipeline.awaitDrained();

    JsonPath page1 = get(officeA, "/api/v1/office/reports", Map.of("limit", 2));
    assertThat(page1.getList("reports.reportId")).containsExactly(id(third), id(second));
    assertThat(page1.getList("reports.quantity")).containsExactly(7, 3);
    JsonPath page2 =
        get(
            officeA,
            "/api/v1/office/reports",
            Map.of("limit", 2, "before", page1.getString("next")));
    assertThat(page2.getList("reports.reportId")).containsExactly(id(first));
    assertThat(page2.getList("reports.status")).containsExactly("withdrawn");
    assertThat(page2.getString("next")).isNull();

    JsonPath ofB = get(officeB, "/api/v1/office/reports", Map.of());
    assertThat(ofB.getList("reports.quantity")).containsExactly(50, 40);

    JsonPath march =
        get(officeA, "/api/v1/office/reports", Map.of("from", "2022-03-01", "to", "2022-03-31"));
    assertThat(march.getList("reports.reportId")).containsExactly(id(second), id(first));
  }

  @Test
  void anOfficeFollowsItsOwnReportButNeverLearnsOfAnotherOfficesUseOfAnId() {
    ObjectNode mine = report(officeA, "2022-05-01T09:00:00+08:00", 2, "2022-05-01T01:00:00Z");
    ObjectNode theirs = report(officeB, "2022-05-01T09:00:00+08:00", 9, "2022-05-01T02:00:00Z");
    theirs.put("reportId", id(mine));
    ObjectNode onlyTheirs = report(officeB, "2022-05-02T09:00:00+08:00", 1, "2022-05-02T01:00:00Z");
    pipeline.fileAll(List.of(mine, mine, theirs, onlyTheirs));
    pipeline.withdraw(Pipeline.withdrawal(theirs, officeB), "33");
    Pipeline.awaitDrained();

    JsonPath trace = get(officeA, "/api/v1/office/reports/" + id(mine), Map.of());
    assertThat(trace.getString("status")).isEqualTo("counted");
    assertThat(trace.getInt("report.quantity")).isEqualTo(2);
    assertThat(trace.getInt("duplicates")).isEqualTo(1);
    assertThat(trace.getList("withdrawals"))
        .as("B's withdrawal of its own use of the id")
        .isEmpty();
    assertThat(trace.getMap("")).doesNotContainKey("otherOffices");
    JsonPath ofB = get(officeB, "/api/v1/office/reports/" + id(mine), Map.of());
    assertThat(ofB.getString("status")).isEqualTo("withdrawn");
    assertThat(ofB.getInt("duplicates")).isZero();
    assertThat(ofB.getList("withdrawals.outcome")).containsExactly("applied");

    given()
        .auth()
        .oauth2(token(officeA))
        .header("Accept-Language", "zh-CN")
        .get("/api/v1/office/reports/" + id(onlyTheirs))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.startsWith("本单位编号为"));
  }

  @Test
  void aReportSetAsideIsShownToItsOfficeWithTheReasonAndToNoOtherOffice() {
    ObjectNode refused = report(officeA, "2022-06-01T09:00:00+08:00", 2, "2022-06-01T01:00:00Z");
    refused.put("regionCode", "999999");
    pipeline.raw("99", "report-filed", refused.toString());
    ObjectNode sameIdOfB = report(officeB, "2022-06-01T09:00:00+08:00", 1, "2022-06-01T02:00:00Z");
    sameIdOfB.put("reportId", id(refused));
    sameIdOfB.put("regionCode", "999999");
    pipeline.raw("99", "report-filed", sameIdOfB.toString());
    Pipeline.awaitDrained();

    JsonPath trace = get(officeA, "/api/v1/office/reports/" + id(refused), Map.of());
    assertThat(trace.getString("status")).isEqualTo("rejected");
    assertThat(trace.getList("rejections")).hasSize(1);
    assertThat(trace.getString("rejections[0].detail")).contains("regionCode");
  }

  @Test
  void anOfficesMonthsCountOnlyWhatStillCounts() {
    ObjectNode march = report(officeA, "2022-03-10T09:00:00+08:00", 2, "2022-03-10T01:00:00Z");
    ObjectNode marchWithdrawn =
        report(officeA, "2022-03-11T09:00:00+08:00", 100, "2022-03-11T01:00:00Z");
    ObjectNode april = report(officeA, "2022-04-10T09:00:00+08:00", 5, "2022-04-10T01:00:00Z");
    pipeline.fileAll(
        List.of(
            march,
            marchWithdrawn,
            april,
            report(officeB, "2022-03-10T09:00:00+08:00", 9, "2022-03-10T01:00:00Z")));
    pipeline.withdraw(Pipeline.withdrawal(marchWithdrawn, officeA), "33");
    Pipeline.awaitDrained();

    JsonPath months = get(officeA, "/api/v1/office/totals", Map.of());
    assertThat(months.getList("months.month")).containsExactly("2022-04", "2022-03");
    assertThat(months.getList("months.reports")).containsExactly(1, 1);
    assertThat(months.getList("months.quantity")).containsExactly(5, 2);
  }

  @Test
  void onlyOfficesReadHereAndTheirParametersAreChecked() {
    for (String other :
        List.of(TestTokens.manager("33"), TestTokens.auditor(), TestTokens.admin())) {
      given()
          .auth()
          .oauth2(other)
          .get("/api/v1/office/reports")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given().get("/api/v1/office/totals").then().statusCode(401);
    given()
        .auth()
        .oauth2(token(officeA))
        .queryParam("before", "yesterday")
        .queryParam("limit", 201)
        .get("/api/v1/office/reports")
        .then()
        .statusCode(422)
        .body("errors.pointer", org.hamcrest.Matchers.hasItems("/before", "/limit"));
    given()
        .auth()
        .oauth2(token(officeA))
        .get("/api/v1/office/reports/not-a-uuid")
        .then()
        .statusCode(equalTo(404));
  }

  private static String id(ObjectNode report) {
    return report.get("reportId").asText();
  }
}
