package cn.shishi.aggregator.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run of a shared task goes to one instance, however many ask at once. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class SharedRunsTest {
  private static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);
  private static final int INSTANCES = 8;

  private final ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);

  @Inject SharedRuns runs;
  @Inject DataSource dataSource;

  @AfterEach
  void stop() {
    instances.shutdownNow();
  }

  @Test
  void aRunWithinTheGapOfTheLastIsNotClaimed() {
    String task = "test-" + UUID.randomUUID();

    Instant before = Pipeline.databaseClock(dataSource);
    Optional<Instant> first = runs.claim(task, HALF_AN_HOUR);
    Instant after = Pipeline.databaseClock(dataSource);

    assertThat(first).as("the first run").isPresent();
    assertThat(first.get()).as("started by the database's clock").isBetween(before, after);
    assertThat(runs.claim(task, HALF_AN_HOUR)).as("another's, moments later").isEmpty();
    assertThat(runs.claim(task, Duration.ZERO)).as("once the gap has passed").isPresent();
  }

  @Test
  void ofClaimsMadeAtOnceOneIsGranted() throws Exception {
    String task = "test-" + UUID.randomUUID();
    assertThat(runs.claim(task, HALF_AN_HOUR)).isPresent();
    List<Future<Optional<Instant>>> claims = new ArrayList<>();

    // The task's row is held, turned into a run of an hour ago, while the claims queue behind it.
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement update =
          holder.prepareStatement(
              "UPDATE scheduled_run SET started_at = started_at - interval '1 hour'"
                  + " WHERE task = ?")) {
        update.setString(1, task);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      for (int i = 0; i < INSTANCES; i++) {
        claims.add(instances.submit(() -> runs.claim(task, HALF_AN_HOUR)));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(claimsWaiting()).as("claims queued").isEqualTo(INSTANCES));
      holder.commit();
    }

    int granted = 0;
    for (Future<Optional<Instant>> claim : claims) {
      granted += claim.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
    }
    assertThat(granted).isEqualTo(1);
  }

  private int claimsWaiting() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement();
        ResultSet waiting =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'INSERT INTO scheduled_run%'")) {
      waiting.next();
      return waiting.getInt(1);
    }
  }
}
