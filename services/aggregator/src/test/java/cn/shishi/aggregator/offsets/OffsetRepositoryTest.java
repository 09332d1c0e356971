package cn.shishi.aggregator.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The stored offsets and their anomalies against the real database, on a topic of their own. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class OffsetRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  @Inject OffsetRepository offsets;
  @Inject DataSource dataSource;

  @Test
  void locksAdvancesAndClaimsTheTopicId() {
    String topic = "repository-test-" + UUID.randomUUID();
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var states = offsets.lock(topic, List.of(2, 0));
              assertThat(states.keySet()).containsExactly(0, 2);
              assertThat(states.get(0)).isEqualTo(new PartitionState(0, null, false));
              offsets.advance(topic, java.util.Map.of(0, 41L), java.util.Map.of(), NOW);
            });
    offsets.claimTopicId(topic, List.of(0, 1), id);
    offsets.claimTopicId(topic, List.of(0), UUID.randomUUID());

    assertThat(offsets.read(topic))
        .containsEntry(0, new StoredPosition(41, id))
        .containsEntry(1, new StoredPosition(0, id))
        .containsEntry(2, new StoredPosition(0, null));
  }

  @Test
  void claimingATopicIdAlreadyRecordedDoesNotWaitForABatchHoldingTheOffset() throws Exception {
    String topic = "repository-test-" + UUID.randomUUID();
    UUID id = UUID.randomUUID();
    offsets.claimTopicId(topic, List.of(0), id);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> batch =
        CompletableFuture.runAsync(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          offsets.lock(topic, List.of(0));
                          locked.countDown();
                          awaitQuietly(release);
                        }));
    try {
      locked.await();
      // A wait for the batch's row lock fails at once instead of waiting.
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                execute("SET LOCAL lock_timeout = '1ms'");
                offsets.claimTopicId(topic, List.of(0, 1), UUID.randomUUID());
              });
    } finally {
      release.countDown();
      batch.join();
    }

    assertThat(offsets.read(topic)).containsEntry(0, new StoredPosition(0, id)).containsKey(1);
  }

  @Test
  void anOpenAnomalyHoldsItsPartitionOnceUntilResolved() {
    String topic = "repository-test-" + UUID.randomUUID();
    var finding = new OffsetAnomaly.Finding(3, AnomalyKind.AHEAD_OF_LOG, 900, null, 0, 12, null);
    assertThat(offsets.raise(topic, finding, NOW)).isTrue();
    assertThat(offsets.raise(topic, finding, NOW)).as("one open anomaly a partition").isFalse();
    OffsetAnomaly open = offsets.openAnomalies(topic).get(0);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> offsets.lock(topic, List.of(3)).get(3).held()))
        .isTrue();

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertThat(offsets.lockAnomaly(open.id())).isPresent();
              offsets.resolve(
                  open.id(), new OffsetAnomaly.Resolution(NOW, "admin-1", 12, "restored"));
            });

    assertThat(offsets.openAnomalies(topic)).isEmpty();
    assertThat(offsets.anomalies(topic, 10).get(0).resolution().by()).isEqualTo("admin-1");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> offsets.lock(topic, List.of(3)).get(3).held()))
        .isFalse();
  }

  private void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
