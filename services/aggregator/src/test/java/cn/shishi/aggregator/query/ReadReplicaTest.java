package cn.shishi.aggregator.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.jdbc.ReadReplica;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The reads a replica may answer go through their own datasource. In tests it connects read-only
 * (as to a hot standby) and as {@code shishi-reads}: the totals and the ledger's pages answer
 * through it, and PostgreSQL saw their queries come from it.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ReadReplicaTest {
  @Inject DataSource primary;

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @Inject
  @io.quarkus.agroal.DataSource(ReadReplica.DATASOURCE)
  DataSource reads;

  @Test
  void totalsAndTheLedgersPagesAreReadThroughTheReadsDatasource() {
    ObjectNode report = Pipeline.report("530102", "2020-02-03T09:00:00+08:00", 4);
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(report);
    }
    Pipeline.awaitDrained();
    assertThat(first(reads, "SHOW default_transaction_read_only")).isEqualTo("on");
    assertThat(first(primary, "SHOW default_transaction_read_only")).isEqualTo("off");

    // The aggregator's warm-up reads the rollups too: over, so that what follows is the requests'.
    await("ready")
        .atMost(Duration.ofSeconds(60))
        .until(() -> given().get(readiness).statusCode() == 200);
    String sent = first(primary, "SELECT clock_timestamp()");
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("from", "2020-02-03")
        .queryParam("to", "2020-02-03")
        .queryParam("groupBy", "county")
        .get("/api/v1/totals")
        .then()
        .statusCode(200);
    // The answer's last statement: how far the rollups read are applied.
    assertThat(statementsOfTheReadsConnectionsSince(sent))
        .anyMatch(sql -> sql.contains("applied_through") || sql.contains("rollup"));

    sent = first(primary, "SELECT clock_timestamp()");
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/reports/" + report.get("reportId").asText())
        .then()
        .statusCode(200);
    assertThat(statementsOfTheReadsConnectionsSince(sent))
        .anyMatch(sql -> sql.contains("FROM report"));
  }

  /**
   * The last statement of each reads connection that ran one since {@code sent} (the database's
   * clock): not those of the aggregator's warm-up at its start, which read the rollups too.
   */
  private List<String> statementsOfTheReadsConnectionsSince(String sent) {
    return Pipeline.column(
        primary,
        "SELECT query FROM pg_stat_activity WHERE application_name = 'shishi-reads'"
            + " AND query_start >= '"
            + sent
            + "'::timestamptz");
  }

  private static String first(DataSource source, String sql) {
    return Pipeline.column(source, sql).get(0);
  }
}
