package cn.shishi.aggregator.offsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stored offset past the log's end (a topic restored from an old backup, say) holds its
 * partition: nothing of it is applied, readiness and the gauge say so, and an admin's decision lets
 * it go on, reading again from the offset chosen.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class OffsetAnomalyTest {
  @Inject DataSource dataSource;
  @Inject MeterRegistry registry;

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  private final Pipeline pipeline = new Pipeline();

  /** Whatever happened above, no partition stays held for the tests that follow. */
  @AfterEach
  void release() {
    pipeline.close();
    JsonPath all = anomalies();
    for (int i = 0; i < all.getList("$").size(); i++) {
      if (all.get("[" + i + "].resolution") == null) {
        adopt(all.getLong("[" + i + "].id"), "{\"note\": \"released after a failed test\"}");
      }
    }
  }

  @Test
  void aStoredOffsetPastTheLogsEndHoldsThePartitionUntilAnAdminDecides() {
    RecordMetadata first = pipeline.file(Pipeline.report("330402", "2024-06-01T09:00:00+08:00", 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> reports("2024-06-01") == 1);
    int partition = first.partition();
    Pipeline.sql(
        dataSource,
        "UPDATE consumer_offset SET next_offset = next_offset + 1000000"
            + " WHERE topic = 'task-reports' AND kafka_partition = "
            + partition);

    long id = awaitOpenAnomaly(partition);
    JsonPath anomaly = openAnomaly(partition);
    assertThat(anomaly.getString("kind")).isEqualTo("ahead-of-log");
    assertThat(anomaly.getLong("storedOffset")).isGreaterThan(1_000_000);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> given().get(readiness).then().statusCode(503));
    assertThat(gauge(partition)).isEqualTo(1);

    // Held: a report filed now is not applied, while another province's is.
    RecordMetadata held = pipeline.file(Pipeline.report("330402", "2024-06-02T09:00:00+08:00", 1));
    assertThat(held.partition()).isEqualTo(partition);
    String elsewhere = otherProvinceCounty(partition);
    pipeline.file(Pipeline.report(elsewhere, "2024-06-02T10:00:00+08:00", 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> reports("2024-06-02") == 1);

    adopt(id, "{\"fromOffset\": 99999999, \"note\": \"x\"}").statusCode(422);
    adopt(id, "{\"fromOffset\": " + held.offset() + "}").statusCode(422);
    adopt(
            id,
            "{\"fromOffset\": " + held.offset() + ", \"note\": \"restored from the 1 May backup\"}")
        .statusCode(200)
        .body("resolution.by", equalTo("admin-1"))
        .body("resolution.adoptedOffset", equalTo((int) held.offset()));

    await().atMost(Duration.ofSeconds(30)).until(() -> reports("2024-06-02") == 2);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> given().get(readiness).then().statusCode(200));
    assertThat(gauge(partition)).isZero();
    adopt(id, "{\"note\": \"again\"}").statusCode(409);
    assertThat(Pipeline.reconciliation().getBoolean("consistent")).isTrue();
  }

  private static long awaitOpenAnomaly(int partition) {
    await().atMost(Duration.ofSeconds(30)).until(() -> openAnomaly(partition) != null);
    return openAnomaly(partition).getLong("id");
  }

  private static JsonPath openAnomaly(int partition) {
    JsonPath all = anomalies();
    List<Map<String, Object>> list = all.getList("$");
    for (int i = 0; i < list.size(); i++) {
      if (all.getInt("[" + i + "].partition") == partition
          && list.get(i).get("resolution") == null) {
        return new JsonPath(all.prettify()).setRootPath("[" + i + "]");
      }
    }
    return null;
  }

  private static JsonPath anomalies() {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/admin/offset-anomalies")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static io.restassured.response.ValidatableResponse adopt(long id, String body) {
    return given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/admin/offset-anomalies/" + id + "/adopt")
        .then();
  }

  private double gauge(int partition) {
    return registry
        .get("shishi.offset.anomaly")
        .tag("partition", Integer.toString(partition))
        .gauge()
        .value();
  }

  private static long reports(String day) {
    return Pipeline.reports(Map.of("from", day, "to", day));
  }

  /** A county of a province whose events land on another partition than {@code partition}. */
  private String otherProvinceCounty(int partition) {
    for (String county : List.of("110101", "350102", "440106", "510104", "610102", "210102")) {
      ObjectNode probe = Pipeline.report(county, "2024-06-03T09:00:00+08:00", 1);
      if (pipeline.file(probe).partition() != partition) {
        return county;
      }
    }
    throw new IllegalStateException("every province on partition " + partition);
  }
}
