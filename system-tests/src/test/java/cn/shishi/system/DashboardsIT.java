package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import cn.shishi.catalog.SeedCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboards as files: what Grafana's provisioning loads, the names shown beside the codes, and
 * the rule that gauges read from shared state are combined with max (docs/metrics.md). That every
 * query returns data is ObservabilityIT's job.
 */
class DashboardsIT {
  private static final Pattern SHARED_STATE_GAUGE =
      Pattern.compile("shishi_(rollup_\\w+|consumer_lag|reconciliation_drift)");

  @Test
  void theThreeDashboardsExistWithUniqueUidsAndPanelIds() {
    List<Dashboards.Dashboard> dashboards = Dashboards.all();
    assertThat(dashboards.stream().map(Dashboards.Dashboard::uid))
        .containsExactlyInAnyOrder(
            "shishi-overview", "shishi-province", "shishi-operations", "shishi-drilldown");
    for (Dashboards.Dashboard dashboard : dashboards) {
      Set<Integer> ids = new HashSet<>();
      collectIds(dashboard.json().path("panels"), ids, dashboard.title());
      assertThat(dashboard.panels()).as(dashboard.title()).isNotEmpty();
    }
  }

  private static void collectIds(JsonNode panels, Set<Integer> ids, String where) {
    for (JsonNode panel : panels) {
      assertThat(ids.add(panel.path("id").asInt()))
          .as(where + ": panel id " + panel.path("id"))
          .isTrue();
      collectIds(panel.path("panels"), ids, where);
    }
  }

  @Test
  void everyQueryUsesAProvisionedDataSourceOfItsLanguage() {
    String prometheus =
        RepoFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
            .path("datasources")
            .get(0)
            .path("uid")
            .asText();
    JsonNode postgres =
        RepoFiles.yaml("deploy/grafana/provisioning/datasources/postgres.yml")
            .path("datasources")
            .get(0);
    assertThat(postgres.path("uid").asText()).isEqualTo(Dashboards.POSTGRES_UID);
    assertThat(postgres.path("user").asText())
        .as("the SQL panels read as the reporting login, never as the services' owner")
        .isEqualTo("grafana_reader");
    for (Dashboards.Dashboard dashboard : Dashboards.all()) {
      for (JsonNode panel : dashboard.panels()) {
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asText())
              .as("%s / %s", dashboard.title(), panel.path("title").asText())
              .isEqualTo(target.has("rawSql") ? Dashboards.POSTGRES_UID : prometheus);
        }
      }
    }
  }

  /** SQL panels read the reporting views, never the raw tables (ReportingViewsIT runs them). */
  @Test
  void sqlPanelsReadOnlyTheReportingViews() {
    Map<String, String> sql = Dashboards.allSqlQueries();
    assertThat(sql).isNotEmpty();
    sql.forEach(
        (where, query) ->
            assertThat(query).as(where).contains("FROM reporting.").doesNotContain("FROM rollup"));
  }

  /** A recording rule costs Prometheus an evaluation every interval: each must have a reader. */
  @Test
  void everyRecordingRuleIsReadByADashboard() {
    List<String> records =
        PromtoolIT.rules().stream()
            .filter(rule -> rule.has("record"))
            .map(rule -> rule.get("record").asText())
            .toList();
    assertThat(records).isNotEmpty();
    String queries = String.join("\n", Dashboards.allQueries().values());
    assertThat(records).allSatisfy(record -> assertThat(queries).contains(record));
  }

  @Test
  void gaugesReadFromSharedStateAreCombinedWithMax() {
    Dashboards.allQueries()
        .forEach(
            (where, promql) -> {
              if (SHARED_STATE_GAUGE.matcher(promql).find()) {
                assertThat(promql).as(where).containsPattern("\\bmax\\b");
                assertThat(promql).as(where).doesNotStartWith("sum(shishi_");
              }
            });
  }

  /**
   * Quantities of different units are never added (ADR 0009): every aggregation of the quantity
   * gauge keeps its unit, or the kind of task (which has one unit).
   */
  @Test
  void quantitiesAreNeverAddedAcrossUnits() {
    Map<String, String> quantityQueries = new LinkedHashMap<>();
    Dashboards.allQueries()
        .forEach(
            (where, promql) -> {
              if (promql.contains("shishi_rollup_quantity")) {
                quantityQueries.put(where, promql);
              }
            });
    assertThat(quantityQueries).isNotEmpty();
    quantityQueries.forEach(
        (where, promql) -> {
          var aggregations = AGGREGATION.matcher(promql);
          while (aggregations.find()) {
            String by = aggregations.group(2);
            assertThat(by)
                .as("%s: %s keeps the unit", where, aggregations.group())
                .isNotNull()
                .containsPattern("\\b(unit|task_type)\\b");
          }
        });
  }

  private static final Pattern AGGREGATION =
      Pattern.compile("\\b(sum|max|min|avg)\\s*(?:by\\s*\\(([^)]*)\\))?\\s*\\(");

  @Test
  void theProvinceVariableListsEveryProvinceOfTheCatalogue() {
    JsonNode variable =
        Dashboards.all().stream()
            .filter(d -> d.uid().equals("shishi-province"))
            .findFirst()
            .orElseThrow()
            .json()
            .path("templating")
            .path("list")
            .get(0);
    assertThat(variable.path("name").asText()).isEqualTo("province");
    Map<String, String> expected =
        Regions.load().children("").stream()
            .collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a, LinkedHashMap::new));
    Map<String, String> options = new LinkedHashMap<>();
    variable
        .path("options")
        .forEach(
            option -> options.put(option.path("value").asText(), option.path("text").asText()));
    assertThat(options).containsExactlyEntriesOf(expected);
    // Grafana rebuilds the options from the query when it loads the dashboard.
    String query =
        expected.entrySet().stream()
            .map(e -> e.getValue() + " : " + e.getKey())
            .collect(Collectors.joining(","));
    assertThat(variable.path("query").asText()).isEqualTo(query);
  }

  @Test
  void theNamesShownBesideCodesAreTheCatalogues() {
    Map<String, String> names = new LinkedHashMap<>();
    Regions.load().children("").forEach(p -> names.put(p.code(), p.name()));
    SeedCatalog.programs().forEach(p -> names.put(p.code(), p.name()));
    SeedCatalog.taskTypes().forEach(t -> names.put(t.code(), t.name()));

    int checked = 0;
    for (Dashboards.Dashboard dashboard : Dashboards.all()) {
      for (JsonNode panel : dashboard.panels()) {
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
          for (JsonNode property : override.path("properties")) {
            if ("displayName".equals(property.path("id").asText())) {
              String code = override.path("matcher").path("options").asText();
              assertThat(property.path("value").asText())
                  .as("%s / %s", dashboard.title(), panel.path("title").asText())
                  .isEqualTo(names.get(code) + " (" + code + ")");
              checked++;
            }
            if ("mappings".equals(property.path("id").asText())) {
              var fields = property.path("value").get(0).path("options").fields();
              while (fields.hasNext()) {
                var mapping = fields.next();
                assertThat(mapping.getValue().path("text").asText())
                    .isEqualTo(names.get(mapping.getKey()) + " (" + mapping.getKey() + ")");
                checked++;
              }
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  /** A browser cannot open a JSON API that wants a bearer token: the link goes to a dashboard. */
  @Test
  void theProvinceDashboardLinksToTheDrillDownDashboard() {
    JsonNode province =
        Dashboards.all().stream()
            .filter(d -> d.uid().equals("shishi-province"))
            .findFirst()
            .orElseThrow()
            .json();
    List<String> urls = province.path("links").findValuesAsText("url");
    assertThat(urls)
        .as("it opens the drill-down dashboard for the same province")
        .anyMatch(url -> url.startsWith("/d/shishi-drilldown/") && url.contains("${province"));
    assertThat(urls).noneMatch(url -> url.contains("/api/"));
    JsonNode drillDown =
        Dashboards.all().stream()
            .filter(d -> d.uid().equals("shishi-drilldown"))
            .findFirst()
            .orElseThrow()
            .json();
    assertThat(drillDown.path("templating").path("list").findValuesAsText("name"))
        .contains("province", "city");
  }

  @Test
  void theProvisioningLoadsTheDashboardsFromWhereComposeMountsThem() {
    String path =
        RepoFiles.yaml("deploy/grafana/provisioning/dashboards/shishi.yml")
            .path("providers")
            .get(0)
            .path("options")
            .path("path")
            .asText();
    JsonNode grafana = RepoFiles.yaml("docker-compose.yml").path("services").path("grafana");
    List<String> mounts = DeploymentConfigIT.volumes(grafana);
    assertThat(mounts).contains("./deploy/grafana/dashboards:" + path + ":ro");
    assertThat(mounts).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
  }
}
