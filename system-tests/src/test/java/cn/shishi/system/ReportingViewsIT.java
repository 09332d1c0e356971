package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.DatabaseEndpoint;
import cn.shishi.infra.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drill-down dashboard's SQL, run as Grafana runs it: through a login that is only a member of
 * shishi_reporting, against the real PostgreSQL holding 福建's figures, filed through the ingest
 * (2,959 livelihood problems completed: 2,000 in 福州 鼓楼, 959 in 厦门 思明) and the province's commitment
 * of 8,788 set through the API.
 */
class ReportingViewsIT {
  private static final String READER = "grafana_reader_it";
  private static final String PASSWORD = "reader-" + UUID.randomUUID();
  private static Stack stack;
  private static DatabaseEndpoint database;

  @BeforeAll
  static void fileAndSetTargets() throws SQLException {
    stack = new Stack("reporting");
    database = stack.infrastructure.database();
    file("350102", 2_000);
    file("350203", 959);
    file("350102", 1); // in June, after the target's period: the trend has two months
    given()
        .auth()
        .oauth2(TestTokens.manager("35"))
        .contentType("application/json")
        .body(
            Map.of(
                "region", "35",
                "program", "practical-deeds",
                "taskType", "livelihood-problem-completed",
                "from", "2021-02-01",
                "to", "2021-05-13",
                "quantity", 8_788))
        .put(stack.aggregator.url("/api/v1/targets"))
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.totals("?province=35").getLong("rows[0].reports") == 3);
    // 福建 closes March; then a household visit of March arrives late: a restatement.
    given()
        .auth()
        .oauth2(TestTokens.manager("35"))
        .post(stack.aggregator.url("/api/v1/periods/35/2021-03/close"))
        .then()
        .statusCode(200);
    fileLate("350102");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.totals("?province=35").getLong("rows[0].reports") == 4);
    try (Connection owner =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = owner.createStatement()) {
      statement.execute(
          "CREATE ROLE " + READER + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE shishi_reporting");
    }
  }

  private static void file(String county, int quantity) {
    String day = quantity == 1 ? "2021-06-20" : "2021-03-15";
    given()
        .auth()
        .oauth2(TestTokens.office(county.substring(0, 4)))
        .contentType("application/json")
        .body(
            """
            {"reportId": "%s", "regionCode": "%s", "program": "practical-deeds",
             "taskType": "livelihood-problem-completed", "quantity": %d,
             "completedAt": "%sT10:00:00+08:00"}
            """
                .formatted(UUID.randomUUID(), county, quantity, day))
        .post(stack.ingest.url("/api/v1/reports"))
        .then()
        .statusCode(202);
  }

  private static void fileLate(String county) {
    given()
        .auth()
        .oauth2(TestTokens.office(county.substring(0, 4)))
        .contentType("application/json")
        .body(
            """
            {"reportId": "%s", "regionCode": "%s", "program": "practical-deeds",
             "taskType": "household-visit", "quantity": 3,
             "completedAt": "2021-03-28T10:00:00+08:00"}
            """
                .formatted(UUID.randomUUID(), county))
        .post(stack.ingest.url("/api/v1/reports"))
        .then()
        .statusCode(202);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static Connection reader() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), READER, PASSWORD);
  }

  private static List<Map<String, Object>> rows(String sql) throws SQLException {
    try (Connection c = reader();
        Statement statement = c.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  @Test
  void everySqlPanelAnswersWithDataThroughTheReadOnlyRole() throws SQLException {
    Map<String, String> queries = Dashboards.allSqlQueries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(5);
    for (Map.Entry<String, String> query : queries.entrySet()) {
      assertThat(rows(query.getValue())).as(query.getKey()).isNotEmpty();
    }
  }

  @Test
  void theCompletionPanelShowsFujiansRatio() throws SQLException {
    List<Map<String, Object>> provinces = rows(panel("Provinces' own targets, nation-wide"));
    assertThat(provinces).hasSize(1);
    assertThat(provinces.get(0))
        .containsEntry("Province", "福建省")
        .containsEntry("Unit", "件")
        .containsEntry("Target", 8_788L)
        .containsEntry("Achieved", new java.math.BigDecimal("2959"))
        .containsEntry("Ratio", new java.math.BigDecimal("0.3367"));
  }

  @Test
  void theProvinceDrillsDownToCitiesAndCounties() throws SQLException {
    List<Map<String, Object>> cities =
        rows(panel("Cities of $province")).stream()
            .filter(row -> row.get("Kind of task").equals("民生问题办结"))
            .toList();
    assertThat(cities).extracting(row -> row.get("City")).containsExactly("福州市", "厦门市");
    assertThat(cities)
        .extracting(row -> row.get("Quantity").toString())
        .containsExactly("2001", "959");
    List<Map<String, Object>> counties = rows(panel("Counties of $city"));
    assertThat(counties).extracting(row -> row.get("County")).containsExactly("鼓楼区", "鼓楼区");
  }

  @Test
  void theRestatementsPanelListsTheLateReport() throws SQLException {
    List<Map<String, Object>> restatements = rows(panel("Restatements in $province"));
    assertThat(restatements).hasSize(1);
    assertThat(restatements.get(0))
        .containsEntry("Month", "2021-03")
        .containsEntry("Change", "filed")
        .containsEntry("Kind of task", "走访群众")
        .containsEntry("Unit", "户")
        .containsEntry("Quantity", 3);
  }

  @Test
  void theReportingLoginReadsNoRawTable() {
    for (String table :
        List.of(
            "report",
            "rollup",
            "rollup_shard",
            "rollup_month_shard",
            "rollup_month_province",
            "rollup_month_city",
            "rollup_month_county",
            "province_total_shard",
            "target",
            "label",
            "period_snapshot")) {
      assertThatThrownBy(() -> rows("SELECT count(*) FROM " + table))
          .as(table)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  private static String panel(String title) {
    return Dashboards.allSqlQueries().entrySet().stream()
        .filter(query -> query.getKey().endsWith(" / " + title))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no panel " + title));
  }
}
