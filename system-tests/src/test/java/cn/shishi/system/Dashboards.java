package cn.shishi.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboards of deploy/grafana/dashboards and the PromQL their panels run. */
final class Dashboards {
  static final String DIR = "deploy/grafana/dashboards";

  /**
   * What Grafana puts in place of its variables, as a viewer would see it: a province picked and a
   * one-minute rate window (a minute holds 60 samples at the test's 1 s scrape interval).
   */
  static final Map<String, String> VARIABLES =
      Map.of(
          "province", "33",
          "__rate_interval", "1m",
          "__interval", "15s",
          "__range", "10m");

  static final String POSTGRES_UID = "shishi-postgres";

  /**
   * What Grafana puts in place of the SQL panels' variables and macros: 福建 and 福州 picked, and a
   * time range wide enough for any test's days.
   */
  static final Map<String, String> SQL_VARIABLES =
      Map.of(
          "province", "35",
          "city", "3501",
          "__timeFilter", "");

  private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\((\\w+)\\)");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)", Pattern.DOTALL);

  private Dashboards() {}

  record Dashboard(Path file, JsonNode json) {
    String uid() {
      return json.path("uid").asText();
    }

    String title() {
      return json.path("title").asText();
    }

    /** Every panel, rows' children included, rows themselves excluded. */
    List<JsonNode> panels() {
      List<JsonNode> panels = new ArrayList<>();
      collect(json.path("panels"), panels);
      return panels;
    }

    List<Query> queries() {
      List<Query> queries = new ArrayList<>();
      for (JsonNode panel : panels()) {
        for (JsonNode target : panel.path("targets")) {
          if (target.hasNonNull("expr")) {
            queries.add(
                new Query(
                    title()
                        + " / "
                        + panel.path("title").asText()
                        + " / "
                        + target.path("refId").asText(),
                    target.get("expr").asText()));
          }
        }
      }
      for (JsonNode variable : json.path("templating").path("list")) {
        if ("query".equals(variable.path("type").asText()) && !readsPostgres(variable)) {
          String definition =
              variable.path("query").isTextual()
                  ? variable.path("query").asText()
                  : variable.path("query").path("query").asText();
          queries.add(
              new Query(
                  title() + " / variable " + variable.path("name").asText(),
                  variableQuery(definition)));
        }
      }
      return queries;
    }

    /** The SQL of the panels and variables that read PostgreSQL's reporting views. */
    List<Query> sqlQueries() {
      List<Query> queries = new ArrayList<>();
      for (JsonNode panel : panels()) {
        for (JsonNode target : panel.path("targets")) {
          if (target.hasNonNull("rawSql")) {
            queries.add(
                new Query(
                    title() + " / " + panel.path("title").asText(), target.get("rawSql").asText()));
          }
        }
      }
      for (JsonNode variable : json.path("templating").path("list")) {
        if (readsPostgres(variable)) {
          queries.add(
              new Query(
                  title() + " / variable " + variable.path("name").asText(),
                  variable.path("query").asText()));
        }
      }
      return queries;
    }

    private static boolean readsPostgres(JsonNode node) {
      return POSTGRES_UID.equals(node.path("datasource").path("uid").asText());
    }

    private static void collect(JsonNode nodes, List<JsonNode> into) {
      for (JsonNode panel : nodes) {
        if ("row".equals(panel.path("type").asText())) {
          collect(panel.path("panels"), into);
        } else {
          into.add(panel);
        }
      }
    }
  }

  /** A panel's query as Grafana would send it, variables replaced. */
  record Query(String where, String template) {
    String promql() {
      Matcher matcher = VARIABLE.matcher(template);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String value = VARIABLES.get(matcher.group(1));
        if (value == null) {
          throw new IllegalArgumentException(
              where + " uses an unknown variable " + matcher.group());
        }
        matcher.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      matcher.appendTail(out);
      return out.toString();
    }
  }

  /** A SQL query as Grafana would send it: its time filter a wide range, variables replaced. */
  static String sql(Query query) {
    String sql =
        TIME_FILTER
            .matcher(query.template())
            .replaceAll("$1 BETWEEN '2000-01-01' AND '2100-12-31'");
    Matcher matcher = VARIABLE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = SQL_VARIABLES.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            query.where() + " uses an unknown variable " + matcher.group());
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Every SQL query of every dashboard, keyed by where it is, as Grafana would send it. */
  static Map<String, String> allSqlQueries() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (Dashboard dashboard : all()) {
      for (Query query : dashboard.sqlQueries()) {
        queries.put(query.where(), sql(query));
      }
    }
    return queries;
  }

  static List<Dashboard> all() {
    List<Dashboard> dashboards = new ArrayList<>();
    for (Path file : RepoFiles.list(DIR, ".json")) {
      dashboards.add(new Dashboard(file, RepoFiles.json(file)));
    }
    return dashboards;
  }

  /** Every panel query of every dashboard, keyed by where it is. */
  static Map<String, String> allQueries() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (Dashboard dashboard : all()) {
      for (Query query : dashboard.queries()) {
        queries.put(query.where(), query.promql());
      }
    }
    return queries;
  }

  /** label_values(selector, label) is Grafana's, not PromQL: it lists what this query counts. */
  private static String variableQuery(String definition) {
    Matcher matcher = LABEL_VALUES.matcher(definition.trim());
    if (matcher.matches()) {
      return "count by (" + matcher.group(2) + ") (" + matcher.group(1) + ")";
    }
    return definition;
  }
}
