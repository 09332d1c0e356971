package cn.shishi.aggregator.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Targets and progress, on 福建's commitment in 2022: 8,788 livelihood problems to complete, 2,959
 * completed (2,000 in 福州 鼓楼, 959 in 厦门 思明; a withdrawn report and another kind of task do not
 * count), and 福州's own target of 3,000.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class TargetApiTest {
  private static final String COMPLETED = "livelihood-problem-completed";
  private static boolean filed;

  @BeforeEach
  void fileOnce() {
    if (filed) {
      return;
    }
    filed = true;
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(report("350102", COMPLETED, 2_000));
      pipeline.file(report("350203", COMPLETED, 959));
      pipeline.file(report("350102", "household-visit", 77));
      ObjectNode withdrawn = report("350102", COMPLETED, 100);
      pipeline.file(withdrawn);
      pipeline.withdraw(Pipeline.withdrawal(withdrawn, "jx-office-1"), "35");
    }
    Pipeline.awaitDrained();
    put(TestTokens.manager("35"), target("35", 8_788, "第一批民生项目")).statusCode(200);
    put(TestTokens.manager("35"), target("3501", 3_000, null)).statusCode(200);
  }

  private static ObjectNode report(String region, String taskType, int quantity) {
    ObjectNode report = Pipeline.report(region, "2022-03-01T10:00:00+08:00", quantity);
    report.put("program", "practical-deeds").put("taskType", taskType);
    return report;
  }

  private static Map<String, Object> target(String region, long quantity, String note) {
    Map<String, Object> target = new java.util.HashMap<>();
    target.put("region", region);
    target.put("program", "practical-deeds");
    target.put("taskType", COMPLETED);
    target.put("year", 2022);
    target.put("quantity", quantity);
    if (note != null) {
      target.put("note", note);
    }
    return target;
  }

  private static ValidatableResponse put(String token, Object body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .put("/api/v1/targets")
        .then();
  }

  private static JsonPath progress(String token, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(token)
        .queryParams(query)
        .get("/api/v1/progress")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void answersTargetAchievedRatioAndWhatRemains() {
    JsonPath fujian =
        progress(TestTokens.auditor(), Map.of("province", "35", "from", "2022-01-01"));
    assertThat(fujian.getString("level")).isEqualTo("province");
    assertThat(fujian.getList("rows")).hasSize(1);
    assertThat(fujian.getLong("rows[0].target")).isEqualTo(8_788);
    assertThat(fujian.getLong("rows[0].achieved")).isEqualTo(2_959);
    assertThat(fujian.getString("rows[0].ratio")).isEqualTo("0.3367");
    assertThat(fujian.getLong("rows[0].remaining")).isEqualTo(5_829);
    assertThat(fujian.getString("rows[0].unit")).isEqualTo("件");
  }

  @Test
  void groupsByTheRegionLevelOfTheTargets() {
    JsonPath cities =
        progress(
            TestTokens.manager("35"), Map.of("groupBy", "city,taskType", "from", "2022-01-01"));
    assertThat(cities.getString("level")).isEqualTo("city");
    assertThat(cities.getList("rows.group.city")).containsExactly("3501");
    assertThat(cities.getList("rows.names.city")).containsExactly("福州市");
    assertThat(cities.getLong("rows[0].achieved")).isEqualTo(2_000);
    assertThat(cities.getString("rows[0].ratio")).isEqualTo("0.6667");
  }

  @Test
  void aManagerSetsTargetsOnlyInsideTheirRegionAndSeesOnlyThose() {
    put(TestTokens.manager("33"), target("35", 1, null))
        .statusCode(403)
        .body("type", equalTo("https://shishi.example.cn/problems/outside-region"));
    put(TestTokens.office("350102"), target("350102", 1, null)).statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.manager("33"))
        .queryParam("province", "35")
        .get("/api/v1/progress")
        .then()
        .statusCode(403);
    List<String> seen =
        given()
            .auth()
            .oauth2(TestTokens.manager("3501"))
            .get("/api/v1/targets")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("region");
    assertThat(seen).isNotEmpty().allMatch(region -> region.startsWith("3501"));
  }

  @Test
  void keepsEveryChangeOfATarget() {
    put(TestTokens.admin(), target("350203", 500, "初定")).statusCode(200);
    put(TestTokens.admin(), target("350203", 900, "调增"))
        .statusCode(200)
        .body("quantity", equalTo(900));
    JsonPath history =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/targets/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> changes = history.getList("findAll { it.region == '350203' }");
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0))
        .containsEntry("quantityBefore", 500)
        .containsEntry("quantityAfter", 900);
    assertThat(changes.get(1)).doesNotContainKey("quantityBefore").containsEntry("note", "初定");
  }

  @Test
  void refusesABadTargetWithEveryFaultInTheCallersLanguage() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .header("Accept-Language", "zh-CN")
        .contentType("application/json")
        .body(
            Map.of(
                "region",
                "99",
                "program",
                "nope",
                "taskType",
                COMPLETED,
                "year",
                1999,
                "quantity",
                0))
        .put("/api/v1/targets")
        .then()
        .statusCode(422)
        .body("errors.pointer", hasItems("/region", "/program", "/year", "/quantity"))
        .body(
            "errors.find { it.pointer == '/quantity' }.detail",
            equalTo("须为 1 到 1,000,000,000,000 之间的整数，以任务类型的计量单位计"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("groupBy", "month")
        .get("/api/v1/progress")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/groupBy"));
  }

  @Test
  void publishesEachProvincesCompletionAsAGauge() {
    Arc.container().instance(CompletionGauge.class).get().refresh();
    MeterRegistry registry = Arc.container().instance(MeterRegistry.class).get();
    double ratio =
        registry
            .get("shishi.target.completion.ratio")
            .tag("province", "35")
            .tag("program", "practical-deeds")
            .tag("unit", "件")
            .gauge()
            .value();
    assertThat(ratio).isEqualTo(0.3367);
  }
}
