package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.contract.Topics;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboards and alerts against what the services really export: a real Prometheus scrapes both
 * packaged services, loads deploy/prometheus's rules, and answers every panel's query with data
 * after a little traffic (accepted, rejected and withdrawn reports, and a poison record).
 */
class ObservabilityIT {
  private static Stack stack;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() {
    stack = new Stack("observability");
    prometheus =
        PrometheusServer.start(
            Path.of("target", "system-observability-prometheus"),
            Map.of(
                "shishi-ingest", hostAndPort(stack.ingest.managementUrl("")),
                "shishi-aggregator", hostAndPort(stack.aggregator.managementUrl(""))));
    traffic();
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static String hostAndPort(String url) {
    return URI.create(url).getAuthority();
  }

  /** Enough of everything that each panel has a series to show. */
  private static void traffic() {
    String zhejiang = TestTokens.office("3304");
    String fujian = TestTokens.office("35");
    UUID withdrawn = UUID.randomUUID();
    post(zhejiang, withdrawn, "330402", "warm-nest", "household-helped", 1, 202);
    post(zhejiang, UUID.randomUUID(), "330411", "practical-deeds", "household-visit", 1, 202);
    post(fujian, UUID.randomUUID(), "350102", "practical-deeds", "lecture", 3, 202);
    // quantity 0 is against the contract: a 422, counted as rejected.
    post(zhejiang, UUID.randomUUID(), "330402", "warm-nest", "household-helped", 0, 422);
    given()
        .auth()
        .oauth2(zhejiang)
        .contentType("application/json")
        .body("{\"reason\": \"filed twice by mistake\"}")
        .post(stack.ingest.url("/api/v1/reports/" + withdrawn + "/withdrawal"))
        .then()
        .statusCode(202);
    try (TopicWriter writer =
        new TopicWriter(stack.infrastructure.bootstrapServers(), Topics.REPORTS)) {
      writer.write("33", "report-filed", "{this is not json");
    }
    await("reports counted and the withdrawal applied")
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.totals("").getLong("rows[0].reports") == 2);
  }

  private static void post(
      String token,
      UUID id,
      String region,
      String program,
      String taskType,
      int quantity,
      int status) {
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(
            """
            {"reportId": "%s", "regionCode": "%s", "program": "%s", "taskType": "%s",
             "quantity": %d, "beneficiaries": 4, "completedAt": "2021-05-14T10:30:00+08:00"}
            """
                .formatted(id, region, program, taskType, quantity))
        .post(stack.ingest.url("/api/v1/reports"))
        .then()
        .statusCode(status);
  }

  @Test
  void everyDashboardQueryReturnsData() {
    Map<String, String> queries = Dashboards.allQueries();
    assertThat(queries).hasSizeGreaterThan(30);

    // Rates need two scrapes of a series and the business gauges refresh every 5 s: wait for it.
    await("every panel shows data")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(withoutData(queries)).isEmpty());
  }

  /** The panels whose query fails or finds nothing, with Prometheus's answer. */
  private static Map<String, String> withoutData(Map<String, String> queries) {
    Map<String, String> failing = new LinkedHashMap<>();
    queries.forEach(
        (where, promql) -> {
          JsonPath answer = prometheus.query(promql);
          if (!"success".equals(answer.getString("status"))) {
            failing.put(where, promql + " -> " + answer.getString("error"));
          } else if (answer.getList("data.result").isEmpty()) {
            failing.put(where, promql + " -> no data");
          }
        });
    return failing;
  }

  @Test
  void theServicesAnswerTheProbesOfTheKubernetesManifests() {
    assertThat(DeploymentConfigIT.probePaths()).isNotEmpty();
    for (String path : DeploymentConfigIT.probePaths()) {
      assertThat(ServiceProcess.status(stack.ingest.managementUrl(path)))
          .as("ingest " + path)
          .isEqualTo(200);
      assertThat(ServiceProcess.status(stack.aggregator.managementUrl(path)))
          .as("aggregator " + path)
          .isEqualTo(200);
    }
  }

  @Test
  void everyAlertRuleIsLoadedAndEvaluatesWithoutError() {
    Set<String> expected = new TreeSet<>();
    Map<String, String> expressions = new LinkedHashMap<>();
    for (JsonNode rule : PromtoolIT.rules()) {
      String name = rule.path("alert").asText(rule.path("record").asText());
      expected.add(name);
      expressions.put(name, rule.get("expr").asText());
    }

    expressions.forEach(
        (name, expr) -> {
          JsonPath answer = prometheus.query(expr);
          assertThat(answer.getString("status"))
              .as("%s: %s -> %s", name, expr, answer.getString("error"))
              .isEqualTo("success");
        });

    await("every rule evaluated by Prometheus")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<Map<String, Object>> loaded = prometheus.rules();
              assertThat(loaded.stream().map(rule -> (String) rule.get("name")))
                  .containsExactlyInAnyOrderElementsOf(expected);
              assertThat(loaded)
                  .allSatisfy(
                      rule ->
                          assertThat(rule.get("health"))
                              .as("%s: %s", rule.get("name"), rule.get("lastError"))
                              .isEqualTo("ok"));
            });
  }

  @Test
  void thePoisonRecordFiresTheDeadLetterAlertAndNothingElseFires() {
    await("ShishiDeadLettersGrowing firing")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(firing()).contains("ShishiDeadLettersGrowing{reason=unparseable}"));

    assertThat(firing()).containsExactly("ShishiDeadLettersGrowing{reason=unparseable}");
  }

  @SuppressWarnings("unchecked")
  private static List<String> firing() {
    List<String> firing = new ArrayList<>();
    for (Map<String, Object> alert : prometheus.alerts()) {
      if ("firing".equals(alert.get("state"))) {
        Map<String, String> labels = (Map<String, String>) alert.get("labels");
        String detail =
            labels.entrySet().stream()
                .filter(label -> !Set.of("alertname", "severity").contains(label.getKey()))
                .map(label -> label.getKey() + "=" + label.getValue())
                .sorted()
                .collect(Collectors.joining(",", "{", "}"));
        firing.add(labels.get("alertname") + detail);
      }
    }
    return firing;
  }
}
