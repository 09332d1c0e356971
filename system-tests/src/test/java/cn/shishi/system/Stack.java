package cn.shishi.system;

import static io.restassured.RestAssured.given;

import cn.shishi.infra.DevTokens;
import cn.shishi.infra.InfraSettings;
import cn.shishi.infra.Infrastructure;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;

/** One broker, one database, and the two packaged services, for a system test class. */
final class Stack implements AutoCloseable {
  static final String AUDITOR = DevTokens.token("auditor-1", "auditor", "00").mint();

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

  /** An office token of {@code region}, for the ingest. */
  static String office(String region) {
    return DevTokens.token("office-" + region, "office", region).mint();
  }

  ServiceProcess newAggregator() {
    return new ServiceProcess("aggregator", infrastructure.serviceEnvironment());
  }

  /** GET /api/v1/totals{query} as an auditor. */
  JsonPath totals(String query) {
    return auditorGet("/api/v1/totals" + query);
  }

  JsonPath reconciliation() {
    return auditorGet("/api/v1/audit/reconciliation");
  }

  private JsonPath auditorGet(String path) {
    return given()
        .auth()
        .oauth2(AUDITOR)
        .get(aggregator.url(path))
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
