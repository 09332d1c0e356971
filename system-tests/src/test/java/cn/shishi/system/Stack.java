package cn.shishi.system;

import static io.restassured.RestAssured.given;

import cn.shishi.infra.InfraSettings;
import cn.shishi.infra.Infrastructure;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;

/** One broker, one database, and the two packaged services, for a system test class. */
final class Stack implements AutoCloseable {
  final Infrastructure infrastructure;
  ServiceProcess aggregator;
  final ServiceProcess ingest;

  Stack(String name) {
    infrastructure =
        Infrastructure.start(
            InfraSettings.forTests(
                Path.of("target", "system-" + name).toAbsolutePath(), InfraSettings::lookup));
    aggregator = newAggregator().start();
    ingest = new ServiceProcess("ingest", infrastructure.serviceEnvironment()).start();
  }

  ServiceProcess newAggregator() {
    return new ServiceProcess("aggregator", infrastructure.serviceEnvironment());
  }

  JsonPath totals(String query) {
    return given()
        .get(aggregator.url("/api/v1/totals" + query))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  JsonPath reconciliation() {
    return given()
        .get(aggregator.url("/api/v1/audit/reconciliation"))
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
