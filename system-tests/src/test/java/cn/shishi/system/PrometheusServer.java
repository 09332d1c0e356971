package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.FreePorts;
import cn.shishi.infra.Processes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Prometheus (the Debian package's binary) as a child process, configured from
 * deploy/prometheus/prometheus.yml with its rules, but scraping the test's services every second.
 */
final class PrometheusServer implements AutoCloseable {
  private static final String CONFIG = "deploy/prometheus/prometheus.yml";

  private final int port = FreePorts.next();
  private final Path home;
  private final Path log;
  private Process process;

  private PrometheusServer(Path home) {
    this.home = home;
    this.log = home.resolve("prometheus.log");
  }

  /**
   * Starts Prometheus with the repository's configuration, each job's targets replaced by {@code
   * targetsByJob} (host:port); jobs not named there are left out.
   */
  static PrometheusServer start(Path home, Map<String, String> targetsByJob) {
    PrometheusServer server = new PrometheusServer(home.toAbsolutePath());
    server.launch(targetsByJob);
    return server;
  }

  private void launch(Map<String, String> targetsByJob) {
    Path executable = Tool.PROMETHEUS.executable();
    deleteRecursively(home);
    try {
      Files.createDirectories(home);
      Files.writeString(home.resolve("prometheus.yml"), config(targetsByJob));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                executable.toString(),
                "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                // The Debian build otherwise looks for its console templates under /etc.
                "--web.console.templates=" + home.resolve("consoles"),
                "--web.console.libraries=" + home.resolve("console_libraries"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + executable, e);
    }
    await("Prometheus ready")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited; see " + log);
              }
              return ServiceProcess.status(url("/-/ready")) == 200;
            });
  }

  private String config(Map<String, String> targetsByJob) throws IOException {
    Path original = RepoFiles.path(CONFIG);
    ObjectNode config = (ObjectNode) RepoFiles.yaml(CONFIG);
    ObjectNode global =
        config.has("global") ? (ObjectNode) config.get("global") : config.putObject("global");
    global.put("scrape_interval", "1s");
    global.put("scrape_timeout", "1s");
    global.put("evaluation_interval", "1s");
    // Rule files are relative to the configuration's folder; this copy lives elsewhere.
    ArrayNode ruleFiles = config.putArray("rule_files");
    for (JsonNode ruleFile : RepoFiles.yaml(CONFIG).path("rule_files")) {
      ruleFiles.add(original.getParent().resolve(ruleFile.asText()).toString());
    }
    ArrayNode scrapeConfigs = config.putArray("scrape_configs");
    for (JsonNode scrape : RepoFiles.yaml(CONFIG).path("scrape_configs")) {
      String target = targetsByJob.get(scrape.path("job_name").asText());
      if (target != null) {
        ObjectNode copy = (ObjectNode) scrape.deepCopy();
        copy.putArray("static_configs").addObject().putArray("targets").add(target);
        scrapeConfigs.add(copy);
      }
    }
    return RepoFiles.YAML.writeValueAsString(config);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** An instant query: the API's answer, successful or not (an error is a 4xx with a message). */
  JsonPath query(String promql) {
    Response response = given().queryParam("query", promql).get(url("/api/v1/query"));
    return response.jsonPath();
  }

  /** The rules Prometheus loaded, with their health and last error. */
  List<Map<String, Object>> rules() {
    JsonPath rules = given().get(url("/api/v1/rules")).then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> all = new ArrayList<>();
    List<List<Map<String, Object>>> groups = rules.getList("data.groups.rules");
    groups.forEach(all::addAll);
    return all;
  }

  /** The alerts now pending or firing. */
  List<Map<String, Object>> alerts() {
    return given()
        .get(url("/api/v1/alerts"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.alerts");
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    Processes.stop(process, Duration.ofSeconds(20));
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
