package cn.shishi.aggregator.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.DevTokens;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Managers see their region; auditors see all; other roles and bad tokens see nothing. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class TotalsScopeTest {
  private static final String DAY = "2021-10-01";

  private static boolean filed;

  @BeforeEach
  void fileReportsInTwoCitiesOnce() {
    if (filed) {
      return;
    }
    filed = true;
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(Pipeline.report("330402", DAY + "T09:00:00+08:00", 1)); // 嘉兴
      pipeline.file(Pipeline.report("330281", DAY + "T09:00:00+08:00", 1)); // 宁波
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Pipeline.reports(Map.of("from", DAY, "to", DAY)) == 2);
  }

  private static io.restassured.response.ValidatableResponse totals(
      String token, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(token)
        .queryParams(query)
        .queryParam("from", DAY)
        .queryParam("to", DAY)
        .get("/api/v1/totals")
        .then();
  }

  private static String manager(String region) {
    return DevTokens.token("m", "manager", region).mint();
  }

  @Test
  void aCityManagerSeesTheirCityWithoutAskingAndNothingElse() {
    totals(manager("3304"), Map.of()).statusCode(200).body("rows[0].reports", equalTo(1));
    totals(manager("3304"), Map.of("county", "330402"))
        .statusCode(200)
        .body("rows[0].reports", equalTo(1));
    totals(manager("3304"), Map.of("city", "3302"))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors[0].pointer", equalTo("/city"));
    totals(manager("3304"), Map.of("province", "33")).statusCode(403);
  }

  @Test
  void aProvinceManagerAndANationalManagerAndAnAuditorSeeMore() {
    totals(manager("33"), Map.of()).statusCode(200).body("rows[0].reports", equalTo(2));
    totals(manager("00"), Map.of("province", "33"))
        .statusCode(200)
        .body("rows[0].reports", equalTo(2));
    totals(TestTokens.auditor(), Map.of("city", "3302"))
        .statusCode(200)
        .body("rows[0].reports", equalTo(1));
  }

  @Test
  void officesAndBadTokensSeeNoTotals() {
    totals(DevTokens.token("o", "office", "3304").mint(), Map.of()).statusCode(403);
    totals(DevTokens.token("m", "manager", "3304").expired().mint(), Map.of()).statusCode(401);
    given().get("/api/v1/totals").then().statusCode(401).contentType("application/problem+json");
    given().auth().oauth2(manager("00")).get("/api/v1/audit/reconciliation").then().statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .post("/api/v1/admin/rollups/rebuild")
        .then()
        .statusCode(403);
  }
}
