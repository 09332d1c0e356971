package cn.shishi.aggregator.reconcile;

import static cn.shishi.aggregator.offsets.OffsetRepository.PARTITION_WRITERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A rebuild holds every batch off until it commits, whatever the partition, so that no report is
 * both in a batch's own shard and in the rebuild's recount of the ledger. Before, it locked the
 * offset rows that existed when it began, and a partition added meanwhile went on.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class RebuildHoldsBatchesTest {
  private static final Map<String, String> DAY = Map.of("from", "2019-04-17", "to", "2019-04-17");

  @Inject DataSource dataSource;

  @Test
  void noBatchIsAppliedWhileARebuildHoldsWritersOff() throws SQLException {
    try (Pipeline pipeline = new Pipeline();
        Connection rebuild = dataSource.getConnection()) {
      Pipeline.awaitDrained();
      long before = Pipeline.reports(DAY);
      rebuild.setAutoCommit(false);
      try (Statement s = rebuild.createStatement()) {
        // Stands in for a rebuild between its first statement and its commit.
        s.execute("SELECT pg_advisory_xact_lock(" + PARTITION_WRITERS + ")");
        pipeline.file(Pipeline.report("330402", "2019-04-17T09:00:00+08:00", 5));

        await("a batch waiting for the rebuild")
            .atMost(Duration.ofSeconds(30))
            .until(() -> waitingForWriters(s) > 0);
        assertThat(Pipeline.reports(DAY)).as("nothing applied meanwhile").isEqualTo(before);
      } finally {
        rebuild.rollback();
      }
      Pipeline.awaitDrained();
      assertThat(Pipeline.reports(DAY)).isEqualTo(before + 1);
    }
  }

  @Test
  void aRebuildWaitsForTheBatchesInProgress() throws Exception {
    try (Connection batch = dataSource.getConnection()) {
      batch.setAutoCommit(false);
      CompletableFuture<Void> rebuilt;
      try (Statement s = batch.createStatement()) {
        // Stands in for a batch between its partition lock and its commit.
        s.execute("SELECT pg_advisory_xact_lock_shared(" + PARTITION_WRITERS + ")");
        rebuilt = CompletableFuture.runAsync(Pipeline::rebuild);

        await("the rebuild waiting for the batch")
            .atMost(Duration.ofSeconds(30))
            .until(() -> waitingForWriters(s) > 0);
        assertThat(rebuilt).isNotDone();
      } finally {
        batch.rollback();
      }
      rebuilt.get(60, TimeUnit.SECONDS);
    }
    assertThat(Pipeline.reconciliation().getBoolean("consistent")).isTrue();
  }

  /** Transactions waiting for the lock that a rebuild takes exclusive and a batch shared. */
  private static int waitingForWriters(Statement s) throws SQLException {
    try (ResultSet row =
        s.executeQuery(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid = 0 AND objsubid = 1 AND objid = "
                + PARTITION_WRITERS)) {
      row.next();
      return row.getInt(1);
    }
  }
}
