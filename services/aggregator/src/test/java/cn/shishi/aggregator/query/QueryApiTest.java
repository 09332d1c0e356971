package cn.shishi.aggregator.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.ops.BusinessGaugesProbe;
import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query API over a small known data set in November 2021: 嘉兴 (two counties and the city's own
 * office), 宁波 余姚, and 福州 鼓楼.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class QueryApiTest {
  @Inject CatalogRegistry catalog;

  private static boolean filed;
  private static ObjectNode traced;
  private static ObjectNode withdrawn;

  @BeforeEach
  void fileOnce() {
    if (filed) {
      return;
    }
    filed = true;
    try (Pipeline pipeline = new Pipeline()) {
      traced = report("330402", "2021-11-01", "warm-nest", "household-helped", 2, 5);
      pipeline.file(traced);
      pipeline.file(report("330411", "2021-11-01", "warm-nest", "household-helped", 3, 0));
      pipeline.file(report("330400", "2021-11-02", "practical-deeds", "lecture", 1, 300));
      pipeline.file(report("330281", "2021-11-02", "practical-deeds", "lecture", 1, 100));
      pipeline.file(report("350102", "2021-12-01", "practical-deeds", "household-visit", 4, 0));
      withdrawn = report("330402", "2021-11-03", "warm-nest", "household-helped", 9, 9);
      pipeline.file(withdrawn);
      pipeline.file(traced.deepCopy().put("quantity", 50)); // a duplicate with other content
      pipeline.withdraw(Pipeline.withdrawal(withdrawn, "jx-office-1"), "33");
    }
    Pipeline.awaitDrained();
  }

  private static ObjectNode report(
      String region, String day, String program, String taskType, int quantity, int people) {
    ObjectNode report = Pipeline.report(region, day + "T10:00:00+08:00", quantity);
    report.put("program", program).put("taskType", taskType).put("beneficiaries", people);
    return report;
  }

  private static Map<String, Object> november(Object... more) {
    Map<String, Object> query = new HashMap<>(Map.of("from", "2021-11-01", "to", "2021-12-31"));
    for (int i = 0; i < more.length; i += 2) {
      query.put((String) more[i], more[i + 1]);
    }
    return query;
  }

  @Test
  void filtersNarrowTheTotals() {
    assertThat(quantities(Pipeline.totals(november())))
        .containsExactly(entry("场", 2L), entry("户", 9L));
    assertThat(quantities(Pipeline.totals(november("province", "33"))))
        .containsExactly(entry("场", 2L), entry("户", 5L));
    assertThat(quantities(Pipeline.totals(november("city", "3304"))))
        .containsExactly(entry("场", 1L), entry("户", 5L));
    assertThat(Pipeline.totals(november("county", "330400")).getLong("rows[0].beneficiaries"))
        .isEqualTo(300);
    JsonPath warmNest = Pipeline.totals(november("program", "warm-nest"));
    assertThat(warmNest.getLong("rows[0].quantity")).isEqualTo(5);
    assertThat(warmNest.getString("rows[0].unit")).isEqualTo("户");
    assertThat(Pipeline.totals(november("taskType", "lecture")).getLong("rows[0].reports"))
        .isEqualTo(2);
    assertThat(Pipeline.totals(november("to", "2021-11-01")).getLong("rows[0].quantity"))
        .isEqualTo(5);
  }

  /**
   * 户 of household visits and 场 of lectures are never added (ADR 0009): a row over both gives its
   * quantity per unit and no single quantity, while reports and beneficiaries add up.
   */
  @Test
  void neverAddsQuantitiesOfDifferentUnits() {
    JsonPath mixed = Pipeline.totals(november("province", "33"));
    assertThat(mixed.getMap("rows[0]")).doesNotContainKeys("quantity", "unit");
    assertThat(mixed.getLong("rows[0].reports")).isEqualTo(4);
    assertThat(mixed.getLong("rows[0].beneficiaries")).isEqualTo(405);
    JsonPath byTaskType = Pipeline.totals(november("province", "33", "groupBy", "taskType"));
    assertThat(byTaskType.getList("rows.unit")).containsExactly("户", "场");
    assertThat(byTaskType.getList("rows.quantity", Long.class)).containsExactly(5L, 2L);
  }

  private static Map<String, Long> quantities(JsonPath answer) {
    return quantitiesOf(answer, "rows[0].quantities");
  }

  private static Map<String, Long> quantitiesOf(JsonPath answer, String path) {
    Map<String, Long> byUnit = new java.util.TreeMap<>();
    answer
        .<String, Number>getMap(path)
        .forEach((unit, quantity) -> byUnit.put(unit, quantity.longValue()));
    return byUnit;
  }

  /** The quantities per unit of a list of drill-down entries, added up unit by unit. */
  private static Map<String, Long> sumPerUnit(JsonPath answer, String path) {
    Map<String, Long> byUnit = new java.util.TreeMap<>();
    for (Map<String, Number> quantities : answer.<Map<String, Number>>getList(path)) {
      quantities.forEach((unit, quantity) -> byUnit.merge(unit, quantity.longValue(), Long::sum));
    }
    return byUnit;
  }

  @Test
  void groupsByEveryDimensionInAStableOrder() {
    JsonPath byProvince = Pipeline.totals(november("groupBy", "province"));
    assertThat(byProvince.getList("rows.group.province")).containsExactly("33", "35");
    assertThat(byProvince.getList("rows.names.province")).containsExactly("浙江省", "福建省");
    assertThat(
            Pipeline.totals(november("groupBy", "city", "province", "33"))
                .getList("rows.group.city"))
        .containsExactly("3302", "3304");
    assertThat(
            Pipeline.totals(november("groupBy", "county", "city", "3304"))
                .getList("rows.group.county"))
        .containsExactly("330400", "330402", "330411");
    assertThat(
            Pipeline.totals(november("groupBy", "county", "city", "3304"))
                .getList("rows.names.county"))
        .containsExactly("嘉兴市（本级）", "南湖区", "秀洲区");
    assertThat(Pipeline.totals(november("groupBy", "program")).getList("rows.names.program"))
        .containsExactly("我为群众办实事", "暖巢行动");
    assertThat(
            Pipeline.totals(november("groupBy", "taskType,day", "province", "33"))
                .getList("rows.group.day"))
        .containsExactly("2021-11-01", "2021-11-02");
    assertThat(Pipeline.totals(november("groupBy", "month")).getList("rows.group.month"))
        .containsExactly("2021-11", "2021-12");
  }

  @Test
  void partMonthsAddUpWithWholeOnes() {
    // 15 Oct to 1 Dec: October's days, November from its month cells, then 1 December's day cells.
    assertThat(quantities(Pipeline.totals(Map.of("from", "2021-10-15", "to", "2021-12-01"))))
        .containsExactly(entry("场", 2L), entry("户", 9L));
    JsonPath byMonth =
        Pipeline.totals(Map.of("from", "2021-11-02", "to", "2021-12-01", "groupBy", "month"));
    assertThat(byMonth.getList("rows.group.month")).containsExactly("2021-11", "2021-12");
    assertThat(byMonth.getList("rows.quantity", Long.class)).containsExactly(2L, 4L);
    assertThat(byMonth.getList("rows.unit")).containsExactly("场", "户");
  }

  @Test
  void pagesThroughRows() {
    JsonPath first = Pipeline.totals(november("groupBy", "county", "limit", 2));
    assertThat(first.getList("rows")).hasSize(2);
    assertThat(first.getBoolean("hasMore")).isTrue();
    JsonPath rest = Pipeline.totals(november("groupBy", "county", "limit", 2, "offset", 2));
    assertThat(rest.getList("rows.group.county"))
        .doesNotContainAnyElementsOf(first.getList("rows.group.county"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("limit", 1001)
        .get("/api/v1/totals")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/limit"));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("groupBy", "colour")
        .get("/api/v1/totals")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/groupBy"));
    // The same refusal for a manager's dashboard in Chinese: the texts change, the pointer not.
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .header("Accept-Language", "zh-CN,zh;q=0.9")
        .queryParam("groupBy", "colour")
        .get("/api/v1/totals")
        .then()
        .statusCode(422)
        .body("title", equalTo("请求内容无效"))
        .body("errors[0].pointer", equalTo("/groupBy"))
        .body("errors[0].detail", org.hamcrest.Matchers.startsWith("含有未知的分组维度"));
  }

  @Test
  void servesTheSameRowsAsCsv() {
    String csv =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .accept("text/csv")
            .queryParams(november("groupBy", "city", "province", "33"))
            .get("/api/v1/totals")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .extract()
            .asString();
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "city,cityName,reports,quantity[场],quantity[户],beneficiaries",
            "3302,宁波市,1,1,,100",
            "3304,嘉兴市,3,1,5,305");
  }

  @Test
  void drillsDownFromAProvinceToItsCitiesAndTheirCounties() {
    JsonPath province =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .queryParam("from", "2021-11-01")
            .queryParam("to", "2021-11-30")
            .get("/api/v1/regions/33/totals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(province.getString("region.name")).isEqualTo("浙江省");
    assertThat(quantitiesOf(province, "region.quantities"))
        .containsExactly(entry("场", 2L), entry("户", 5L));
    assertThat(sumPerUnit(province, "children.quantities"))
        .isEqualTo(quantitiesOf(province, "region.quantities"));
    JsonPath city =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .queryParam("from", "2021-11-01")
            .queryParam("to", "2021-11-30")
            .get("/api/v1/regions/3304/totals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(city.getList("children.code")).containsExactly("330400", "330402", "330411");
    assertThat(sumPerUnit(city, "children.quantities"))
        .isEqualTo(quantitiesOf(city, "region.quantities"));
    assertThat(city.getList("children.unit")).containsExactly("场", "户", "户");
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/regions/3x/totals")
        .then()
        .statusCode(422);
  }

  @Test
  void tracesAReportToItsCellsDuplicatesAndWithdrawals() {
    JsonPath trace =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/reports/" + traced.get("reportId").asText())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(trace.getString("status")).isEqualTo("counted");
    assertThat(trace.getList("countsIn.regionCode")).containsExactly("33", "3304", "330402");
    assertThat(trace.getBoolean("duplicates[0].sameContent")).isFalse();
    assertThat(trace.getString("duplicates[0].event")).contains("\"quantity\":50");

    JsonPath gone =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get("/api/v1/reports/" + withdrawn.get("reportId").asText())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(gone.getString("status")).isEqualTo("withdrawn");
    assertThat(gone.getList("countsIn")).isEmpty();
    assertThat(gone.getString("withdrawals[0].outcome")).isEqualTo("applied");

    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/reports/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(cn.shishi.infra.DevTokens.token("m", "manager", "00").mint())
        .get("/api/v1/reports/" + traced.get("reportId").asText())
        .then()
        .statusCode(403);
  }

  @Test
  void listsTheLedgerByFilterInPages() {
    JsonPath page =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .queryParam("region", "3304")
            .queryParam("from", "2021-11-01")
            .queryParam("to", "2021-11-30")
            .queryParam("limit", 2)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("reports")).hasSize(2);
    String next = page.getString("next");
    JsonPath rest =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .queryParam("region", "3304")
            .queryParam("from", "2021-11-01")
            .queryParam("to", "2021-11-30")
            .queryParam("limit", 2)
            .queryParam("after", next)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> all = new java.util.ArrayList<>(page.getList("reports.reportId"));
    all.addAll(rest.getList("reports.reportId"));
    assertThat(all).hasSize(4).doesNotHaveDuplicates();
    assertThat(rest.getString("next")).isNull();
  }

  @Test
  void theLedgerAndTheTotalsRefuseTheSameBadFiltersTheSameWay() {
    for (String path : List.of("/api/v1/reports", "/api/v1/totals")) {
      given()
          .auth()
          .oauth2(TestTokens.auditor())
          .queryParam("from", "2021-12-01")
          .queryParam("to", "2021-11-01")
          .queryParam("program", "Not A Code")
          .get(path)
          .then()
          .statusCode(422)
          .body("errors.pointer", hasItems("/from", "/program"))
          .body("errors.find { it.pointer == '/from' }.detail", equalTo("lies after 'to'"));
    }
    // An office is any text a token names, but never one the database refuses.
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("office", "a\u0000b")
        .get("/api/v1/reports")
        .then()
        .statusCode(422)
        .body("errors.pointer", hasItems("/office"));
  }

  @Test
  void aCodeFilterIsWhatTheCatalogueTakesAsACode() {
    String longest = "a-" + "b".repeat(CatalogEntry.MAX_CODE_LENGTH - 2);
    for (String code : List.of(longest, "warm-nest", "a1-2b")) {
      totalsOfTaskType(code).statusCode(200);
    }
    for (String code : List.of(longest + "b", "warm-", "-warm", "warm--nest", "Warm", "1warm")) {
      totalsOfTaskType(code).statusCode(422).body("errors.pointer", hasItems("/taskType"));
    }
  }

  private static ValidatableResponse totalsOfTaskType(String code) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("taskType", code)
        .get("/api/v1/totals")
        .then();
  }

  @Test
  void daysOutsideWhatADateCanBeAreRefusedAsProblemsNotErrors() {
    for (String path : List.of("/api/v1/reports", "/api/v1/totals", "/api/v1/totals/stream")) {
      for (String day :
          List.of("+999999999-12-31", "-999999999-01-01", "99999-01-01", "2021-02-30")) {
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .queryParam("from", day)
            .get(path)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("errors.pointer", hasItems("/from"));
      }
    }
  }

  @Test
  void gaugesEqualTheRestTotalsOnceThePipelineIsIdle() {
    BusinessGaugesProbe.refresh();
    JsonPath rest = Pipeline.totals(Map.of("groupBy", "province,program"));
    // The gauges label a program the catalogue does not know (a test wrote one straight to the
    // topic) "other", as ops.CodeLabels does.
    Map<List<String>, Long> expected = new HashMap<>();
    for (int i = 0; i < rest.getList("rows").size(); i++) {
      String program = rest.getString("rows[" + i + "].group.program");
      String label = catalog.contains(CatalogKind.PROGRAM, program) ? program : "other";
      expected.merge(
          List.of(rest.getString("rows[" + i + "].group.province"), label),
          rest.getLong("rows[" + i + "].reports"),
          Long::sum);
    }
    expected.forEach(
        (key, reports) ->
            assertThat(BusinessGaugesProbe.reports(key.get(0), key.get(1)))
                .as("%s %s", key.get(0), key.get(1))
                .isEqualTo(reports));
  }

  @Test
  void metricsComeFromTheManagementPortWithoutAToken() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(BusinessGaugesProbe.scrape())
                    .contains(
                        "shishi_rollup_quantity{province=\"35\",task_type=\"household-visit\",unit=\"户\"}"));
  }
}
