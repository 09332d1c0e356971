package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.InfraSettings;
import cn.shishi.infra.Infrastructure;
import cn.shishi.infra.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** One broker, one database, and the two packaged services, for a system test class. */
final class Stack implements AutoCloseable {

  final Infrastructure infrastructure;
  volatile ServiceProcess aggregator;
  volatile ServiceProcess ingest;

  Stack(String name) {
    infrastructure =
        Infrastructure.start(
            InfraSettings.forTests(
                Path.of("target", "system-" + name).toAbsolutePath(), InfraSettings::lookup));
    aggregator = newAggregator().start();
    ingest = newIngest().start();
  }

  ServiceProcess newIngest() {
    return new ServiceProcess("ingest", infrastructure.serviceEnvironment());
  }

  /**
   * The office console, in front of this stack's ingest and aggregator, with the development
   * sign-in (profile local) signing with the key in the checkout.
   */
  ServiceProcess newConsole() {
    Map<String, String> environment = new LinkedHashMap<>(infrastructure.serviceEnvironment());
    environment.put("QUARKUS_REST_CLIENT_INGEST_URL", ingest.url(""));
    environment.put("QUARKUS_REST_CLIENT_AGGREGATOR_URL", aggregator.url(""));
    environment.put(
        "SHISHI_CONSOLE_DEV_SIGN_IN_PRIVATE_KEY",
        RepoFiles.path("support/infra/src/main/resources/shishi-dev-jwt/private.pem").toString());
    return new ServiceProcess("console", environment);
  }

  ServiceProcess newAggregator() {
    return newAggregator(Map.of());
  }

  /** An aggregator with some settings of its own (another database, another group). */
  ServiceProcess newAggregator(Map<String, String> overrides) {
    Map<String, String> environment = new LinkedHashMap<>(infrastructure.serviceEnvironment());
    environment.putAll(overrides);
    return new ServiceProcess("aggregator", environment);
  }

  /** GET /api/v1/totals{query} as an auditor. */
  JsonPath totals(String query) {
    return auditorGet("/api/v1/totals" + query);
  }

  /** GET /api/v1/totals{query} as an auditor, whatever the answer. */
  Response totalsResponse(String query) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get(aggregator.url("/api/v1/totals" + query));
  }

  JsonPath reconciliation() {
    return reconciliation(aggregator);
  }

  /**
   * What {@code instance} says of its database: drift, positions, offset anomalies. A (re)started
   * aggregator reconciles by itself 5 s after its start; while that run holds the lock the answer
   * is 409 with Retry-After, and the question is asked again.
   */
  static JsonPath reconciliation(ServiceProcess instance) {
    AtomicReference<Response> answer = new AtomicReference<>();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              answer.set(
                  given()
                      .auth()
                      .oauth2(TestTokens.auditor())
                      .get(instance.url("/api/v1/audit/reconciliation")));
              return answer.get().statusCode() != 409;
            });
    return answer.get().then().statusCode(200).extract().jsonPath();
  }

  JsonPath offsetAnomalies() {
    return auditorGet(aggregator, "/api/v1/admin/offset-anomalies");
  }

  /** POST {@code body} to the aggregator as an admin, expecting 200. */
  JsonPath adminPost(String path, String body) {
    return given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType("application/json")
        .body(body)
        .post(aggregator.url(path))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private JsonPath auditorGet(String path) {
    return auditorGet(aggregator, path);
  }

  private static JsonPath auditorGet(ServiceProcess instance, String path) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get(instance.url(path))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Override
  public void close() {
    if (ingest != null) {
      ingest.close();
    }
    if (aggregator != null) {
      aggregator.close();
    }
    infrastructure.close();
  }
}
