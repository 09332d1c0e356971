package cn.shishi.aggregator.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A run of a shared task goes to one instance, however many ask at once. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class SharedRunsTest {
  private static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);
  private static final int INSTANCES = 8;

  @Inject SharedRuns runs;
  @Inject DataSource dataSource;

  @Test
  void aRunWithinTheGapOfTheLastIsNotClaimed() {
    String task = "test-" + UUID.randomUUID();

    assertThat(runs.claim(task, HALF_AN_HOUR)).as("the first run").isTrue();
    assertThat(runs.claim(task, HALF_AN_HOUR)).as("another's, moments later").isFalse();
    assertThat(runs.claim(task, Duration.ZERO)).as("once the gap has passed").isTrue();
  }

  @Test
  void ofClaimsMadeAtOnceOneIsGranted() throws Exception {
    String task = "test-" + UUID.randomUUID();

    assertThat(claimedAtOnce(task)).as("claims of a task never run").isEqualTo(1);

    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE scheduled_run SET started_at = started_at - interval '1 hour'"
                    + " WHERE task = ?")) {
      update.setString(1, task);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    assertThat(claimedAtOnce(task)).as("claims of a task last run an hour ago").isEqualTo(1);
  }

  /**
   * How many of {@link #INSTANCES} claims of {@code task}, made at the same moment, are granted.
   */
  private int claimedAtOnce(String task) throws Exception {
    ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        claims.add(
            instances.submit(
                () -> {
                  start.await();
                  return runs.claim(task, HALF_AN_HOUR);
                }));
      }
      start.countDown();
      int granted = 0;
      for (Future<Boolean> claim : claims) {
        granted += claim.get() ? 1 : 0;
      }
      return granted;
    } finally {
      instances.shutdownNow();
    }
  }
}
