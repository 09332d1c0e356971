package cn.shishi.aggregator.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A query that runs past its caller's timeout is cancelled by PostgreSQL and answered 503: here the
 * tables it reads are locked by another transaction, so it waits until cancelled.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class QueryTimeoutTest {
  @Inject DataSource dataSource;

  /**
   * Runs {@code call} while another transaction holds {@code tables} exclusively, for 20 s at most:
   * without a timeout the query waits those 20 s and then succeeds, and the test fails.
   */
  private void whileLocked(String tables, Runnable call) throws SQLException {
    ScheduledExecutorService release = Executors.newSingleThreadScheduledExecutor();
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
        release.schedule(
            () -> {
              holder.rollback();
              return null;
            },
            20,
            TimeUnit.SECONDS);
        call.run();
      } finally {
        release.shutdownNow();
        holder.rollback();
      }
    }
  }

  @Test
  void aManagersQueryIsCancelledAfterTheManagersTimeout() throws SQLException {
    whileLocked(
        "rollup, rollup_month, province_total",
        () -> {
          Instant start = Instant.now();
          given()
              .auth()
              .oauth2(TestTokens.manager("33"))
              .queryParam("from", "2021-01-01")
              .queryParam("groupBy", "county,day")
              .get("/api/v1/totals")
              .then()
              .statusCode(503)
              .contentType("application/problem+json")
              .body("type", endsWith("query-timeout"));
          assertThat(Duration.between(start, Instant.now()))
              .as("cancelled at the manager's 2 s, not left waiting on the lock")
              .isLessThan(Duration.ofSeconds(15));
        });
  }

  @Test
  void anAuditorsLedgerQueryIsCancelledAfterTheAuditorsTimeout() throws SQLException {
    whileLocked(
        "report",
        () ->
            given()
                .auth()
                .oauth2(TestTokens.auditor())
                .queryParam("office", "jx-office-1")
                .get("/api/v1/reports")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("query-timeout")));
  }
}
