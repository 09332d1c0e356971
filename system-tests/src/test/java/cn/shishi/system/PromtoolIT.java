package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the Prometheus configuration as promtool sees them, and the rules' unit tests
 * (deploy/prometheus/tests), so that a broken rule fails the build rather than the night.
 */
class PromtoolIT {
  private static final String RULES = "deploy/prometheus/rules/shishi.rules.yml";
  private static final String RUNBOOKS = "https://shishi.example.cn/docs/operations.md";
  private static final Path PROMETHEUS_DIR = RepoFiles.path("deploy/prometheus");

  @Test
  void theRulesAndTheConfigurationAreValid() {
    Tool.Result rules =
        Tool.PROMTOOL.run(PROMETHEUS_DIR, "check", "rules", "rules/shishi.rules.yml");
    assertThat(rules.exitCode()).as(rules.toString()).isZero();

    Tool.Result config = Tool.PROMTOOL.run(PROMETHEUS_DIR, "check", "config", "prometheus.yml");
    assertThat(config.exitCode()).as(config.toString()).isZero();
    // The glob must find the rules file: promtool accepts a glob that matches nothing.
    assertThat(config.output()).as(config.toString()).contains("rules/shishi.rules.yml");
  }

  @Test
  void theRulesPassTheirUnitTests() {
    List<String> arguments = new ArrayList<>(List.of("test", "rules"));
    RepoFiles.list("deploy/prometheus/tests", ".test.yml").stream()
        .map(file -> PROMETHEUS_DIR.relativize(file).toString())
        .forEach(arguments::add);
    assertThat(arguments).hasSizeGreaterThan(2);

    Tool.Result result = Tool.PROMTOOL.run(PROMETHEUS_DIR, arguments.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  @Test
  void everyAlertHasAUnitTestThatSeesItFire() {
    Set<String> alerts = new TreeSet<>();
    for (JsonNode rule : rules()) {
      if (rule.has("alert")) {
        alerts.add(rule.get("alert").asText());
      }
    }
    Set<String> firedInTests = new TreeSet<>();
    for (Path file : RepoFiles.list("deploy/prometheus/tests", ".test.yml")) {
      for (JsonNode test : RepoFiles.yamlDocuments(file).get(0).path("tests")) {
        for (JsonNode check : test.path("alert_rule_test")) {
          if (!check.path("exp_alerts").isEmpty()) {
            firedInTests.add(check.get("alertname").asText());
          }
        }
      }
    }
    assertThat(alerts).isNotEmpty();
    assertThat(firedInTests).containsAll(alerts);
  }

  /**
   * Alertmanager, a pager or a phone opens the link on its own: it must be absolute, and land on
   * the alert's own entry in docs/operations.md (a heading named after the alert).
   */
  @Test
  void everyAlertLinksToItsOwnRunbookEntry() throws IOException {
    Set<String> anchors = new TreeSet<>();
    Matcher headings =
        Pattern.compile("(?m)^#+\\s+(\\S.*)$")
            .matcher(Files.readString(RepoFiles.path("docs/operations.md")));
    while (headings.find()) {
      anchors.add(headings.group(1).strip().toLowerCase(Locale.ROOT).replace(' ', '-'));
    }
    List<JsonNode> alerts = rules().stream().filter(rule -> rule.has("alert")).toList();
    assertThat(alerts).isNotEmpty();
    for (JsonNode alert : alerts) {
      String name = alert.get("alert").asText();
      String link = alert.path("annotations").path("runbook_url").asText();
      assertThat(link)
          .as("%s's runbook_url", name)
          .isEqualTo(RUNBOOKS + "#" + name.toLowerCase(Locale.ROOT));
      assertThat(anchors)
          .as("a heading for %s in docs/operations.md", name)
          .contains(link.substring(link.indexOf('#') + 1));
    }
  }

  @Test
  void theSilenceWindowIsTheSameEverywhereInItsRule() {
    JsonNode rule =
        rules().stream()
            .filter(r -> "ShishiProvinceSilent".equals(r.path("alert").asText()))
            .findFirst()
            .orElseThrow();
    String window = rule.path("labels").path("silence_window").asText();
    assertThat(window).matches("\\d+[mhd]");

    Matcher offsets = Pattern.compile("offset\\s+(\\S+?)\\)").matcher(rule.get("expr").asText());
    List<String> found = new ArrayList<>();
    while (offsets.find()) {
      found.add(offsets.group(1));
    }
    assertThat(found).hasSize(2).containsOnly(window);
    assertThat(rule.path("annotations").path("summary").asText()).contains(" " + window + " ");
  }

  static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : RepoFiles.yaml(RULES).path("groups")) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }
}
