package cn.shishi.aggregator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.contract.chain.AnchorLog;
import cn.shishi.contract.chain.ChainAnchor;
import cn.shishi.contract.chain.ChainVerifier;
import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The ledger's hash chains over every kind of entry (reports, a duplicate, a withdrawal, a dead
 * letter), and what they catch: one report's quantity edited in PostgreSQL, with the rollups
 * rebuilt from the edited ledger so that reconciliation finds nothing wrong.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class LedgerChainTest {
  private static AgroalDataSource dataSource() {
    return Arc.container().instance(AgroalDataSource.class).get();
  }

  private static ChainVerifier.Result verify() throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      return ChainVerifier.verify(c);
    }
  }

  @Test
  void anEditedQuantityBreaksTheChainAtItsRowThoughReconciliationAgrees() throws Exception {
    ObjectNode edited = Pipeline.report("420102", "2024-02-05T10:00:00+08:00", 3);
    ObjectNode withdrawn = Pipeline.report("420102", "2024-02-06T10:00:00+08:00", 2);
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(edited);
      pipeline.file(edited);
      pipeline.file(withdrawn);
      pipeline.file(Pipeline.report("420103", "2024-02-07T10:00:00+08:00", 5));
      // Finer than PostgreSQL keeps: the chain must hash the instant the ledger holds.
      pipeline.file(Pipeline.report("420103", "2024-02-07T10:00:00.123456789+08:00", 1));
      pipeline.withdraw(Pipeline.withdrawal(withdrawn, "jx-office-1"), "42");
      pipeline.raw("42", "report-filed", "{not json");
    }
    Pipeline.awaitDrained();
    ChainVerifier.Result intact = verify();
    assertThat(intact.broken()).isEmpty();
    assertThat(intact.entries()).isGreaterThanOrEqualTo(7);

    String id = edited.get("reportId").asText();
    Pipeline.sql(
        dataSource(), "UPDATE report SET quantity = quantity + 100 WHERE report_id = '" + id + "'");
    try {
      Pipeline.rebuild();
      assertThat(Pipeline.reconciliation().getBoolean("consistent"))
          .as("the rollups were rebuilt from the edited ledger: reconciliation agrees")
          .isTrue();
      ChainVerifier.Result tampered = verify();
      assertThat(tampered.broken())
          .hasValueSatisfying(
              where ->
                  assertThat(where)
                      .contains("report " + id)
                      .contains("content differs from what was chained"));
    } finally {
      Pipeline.sql(
          dataSource(),
          "UPDATE report SET quantity = quantity - 100 WHERE report_id = '" + id + "'");
      Pipeline.rebuild();
    }
    assertThat(verify().broken()).isEmpty();
  }

  @Test
  void aDeletedEntryOrARewrittenHeadIsNamed() throws Exception {
    ObjectNode twice = Pipeline.report("420105", "2024-03-01T10:00:00+08:00", 4);
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(twice);
      pipeline.file(twice);
    }
    Pipeline.awaitDrained();
    String id = twice.get("reportId").asText();
    assertThat(verifyRolledBack("DELETE FROM report_duplicate WHERE report_id = '" + id + "'"))
        .hasValueSatisfying(where -> assertThat(where).contains("a link without its ledger entry"));
    assertThat(
            verifyRolledBack(
                "ALTER TABLE ledger_block DISABLE TRIGGER ledger_block_append_only",
                "UPDATE ledger_block b SET head = sha256(head) FROM report r"
                    + " WHERE r.report_id = '"
                    + id
                    + "' AND b.kafka_partition = r.kafka_partition"
                    + " AND r.kafka_offset = ANY(b.kafka_offsets)"))
        .hasValueSatisfying(
            where ->
                assertThat(where)
                    .contains("its head does not follow from the previous block")
                    .contains(id));
    assertThat(verify().broken()).isEmpty();
  }

  @Test
  void aChainRewrittenConsistentlyStillMissesItsAnchors() throws Exception {
    ObjectNode last = Pipeline.report("420106", "2024-03-02T10:00:00+08:00", 6);
    try (Pipeline pipeline = new Pipeline()) {
      // Applied first, in a block of its own: the chain has a block before the last.
      pipeline.file(Pipeline.report("420106", "2024-03-01T10:00:00+08:00", 1));
      Pipeline.awaitDrained();
      pipeline.file(last);
    }
    Pipeline.awaitDrained();
    String id = last.get("reportId").asText();
    int partition =
        (int) single("SELECT kafka_partition FROM report WHERE report_id = '" + id + "'");
    long blocks =
        single("SELECT chain_blocks FROM consumer_offset WHERE kafka_partition = " + partition);
    List<ChainAnchor> anchors =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> AnchorLog.read(kafka()).anchors(),
                read ->
                    read.stream()
                        .anyMatch(a -> a.partition() == partition && a.blocks() == blocks));
    assertThat(verifyRolledBack(anchors)).isEmpty();

    // Whoever runs the database removes the report and its block, and sets the head back: a
    // consistent chain, one block shorter, that only the anchors contradict.
    String[] rewrite = {
      "ALTER TABLE ledger_block DISABLE TRIGGER ledger_block_append_only",
      "DELETE FROM report WHERE report_id = '" + id + "'",
      "DELETE FROM ledger_block WHERE kafka_partition = "
          + partition
          + " AND seq = "
          + (blocks - 1),
      "UPDATE consumer_offset SET chain_blocks = chain_blocks - 1, chain_head = (SELECT head FROM"
          + " ledger_block WHERE kafka_partition = "
          + partition
          + " AND seq = "
          + (blocks - 2)
          + ") WHERE kafka_partition = "
          + partition
    };
    assertThat(verifyRolledBack(List.of(), rewrite))
        .as("without its anchors the rewritten chain is consistent")
        .isEmpty();
    assertThat(verifyRolledBack(anchors, rewrite))
        .hasValueSatisfying(
            where ->
                assertThat(where)
                    .contains("partition " + partition)
                    .contains("but a head was anchored after " + blocks));
    assertThat(
            verifyRolledBack(
                List.of(
                    new ChainAnchor(
                        "task-reports", partition, blocks, "00".repeat(32), Instant.now()))))
        .hasValueSatisfying(
            where ->
                assertThat(where)
                    .contains("partition " + partition + " block " + (blocks - 1))
                    .contains("its head is not the one anchored at"));
  }

  private static long single(String query) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static Map<String, Object> kafka() {
    return Map.of(
        "bootstrap.servers",
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
  }

  private static Optional<String> verifyRolledBack(String... statements) throws SQLException {
    return verifyRolledBack(List.of(), statements);
  }

  /** Verifies with the statements applied in the same transaction, which then rolls back. */
  private static Optional<String> verifyRolledBack(List<ChainAnchor> anchors, String... statements)
      throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      // The verifier reads in one repeatable-read snapshot, which must begin with the transaction.
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement statement = c.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      try {
        return ChainVerifier.verify(c, anchors).broken();
      } finally {
        c.setAutoCommit(true);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    }
  }

  @Test
  void blocksCannotBeRewritten() {
    assertThatThrownBy(() -> Pipeline.sql(dataSource(), "DELETE FROM ledger_block"))
        .rootCause()
        .hasMessageContaining("append-only");
  }
}
