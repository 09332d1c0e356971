package cn.shishi.aggregator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.contract.chain.ChainVerifier;
import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
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

  /** Verifies with the statements applied in the same transaction, which then rolls back. */
  private static Optional<String> verifyRolledBack(String... statements) throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement statement = c.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      try {
        return ChainVerifier.verify(c).broken();
      } finally {
        c.setAutoCommit(true);
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
