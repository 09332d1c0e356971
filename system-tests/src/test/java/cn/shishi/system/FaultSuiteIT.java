package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.DatabaseEndpoint;
import cn.shishi.infra.TopicReader;
import cn.shishi.infra.TopicWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The promise, under faults: every report acknowledged with 202 is counted exactly once, the totals
 * equal what was sent, and reconciliation finds no drift. Each case sends its reports (for a day of
 * its own) through the packaged ingest while a fault is injected, then checks the ledger, the REST
 * totals and the reconciliation. {@code -Dshishi.faults.reports=N} sets the reports per case (the
 * {@code faults-long} profile sends 200,000).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
  private static final int REPORTS = Integer.getInteger("shishi.faults.reports", 20_000);
  private static final List<String> FIGURES = new ArrayList<>();
  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = new Stack("faults");
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
    String table =
        "| case | reports sent | requests | acknowledged | counted | duplicates absorbed | drift |\n"
            + "| --- | --- | --- | --- | --- | --- | --- |\n"
            + String.join("\n", FIGURES)
            + "\n";
    System.out.println("fault suite figures:\n" + table);
    Files.writeString(Path.of("target", "reliability-figures.md"), table);
  }

  @Test
  @Order(1)
  void f1KillingTheAggregatorThreeTimesAndStoppingItOnceLosesNothing() throws Exception {
    run(
        "F1 aggregator kill -9 ×3, then a clean stop",
        LocalDate.parse("2023-01-01"),
        1,
        progress -> {
          for (double at : new double[] {0.2, 0.4, 0.6}) {
            awaitProgress(progress, at);
            stack.aggregator.kill();
            stack.aggregator = stack.newAggregator().start();
          }
          awaitProgress(progress, 0.8);
          stack.aggregator.close();
          stack.aggregator = stack.newAggregator().start();
        });
  }

  @Test
  @Order(2)
  void f2RestartingTheBrokerUnderLoadLosesNothing() throws Exception {
    run(
        "F2 broker stopped and restarted",
        LocalDate.parse("2023-01-02"),
        1,
        progress -> {
          awaitProgress(progress, 0.3);
          stack.infrastructure.broker().orElseThrow().close();
          pause(Duration.ofSeconds(8));
          stack.infrastructure.broker().orElseThrow().start();
        });
  }

  @Test
  @Order(3)
  void f3CrashingPostgresqlUnderLoadLosesNothing() throws Exception {
    run(
        "F3 PostgreSQL killed and restarted",
        LocalDate.parse("2023-01-03"),
        1,
        progress -> {
          awaitProgress(progress, 0.3);
          stack.infrastructure.embeddedDatabase().orElseThrow().crash();
          pause(Duration.ofSeconds(5));
          stack.infrastructure.embeddedDatabase().orElseThrow().restart();
        });
  }

  @Test
  @Order(4)
  void f4AggregatorsJoiningAndLeavingUnderLoadLoseNothing() throws Exception {
    run(
        "F4 a second and third aggregator join and leave",
        LocalDate.parse("2023-01-04"),
        1,
        progress -> {
          awaitProgress(progress, 0.15);
          ServiceProcess second = stack.newAggregator().start();
          awaitProgress(progress, 0.35);
          ServiceProcess third = stack.newAggregator().start();
          awaitProgress(progress, 0.6);
          second.close();
          awaitProgress(progress, 0.8);
          third.close();
        });
  }

  @Test
  @Order(5)
  void f5EveryBatchSentTwiceConcurrentlyCountsOnce() throws Exception {
    run(
        "F5 every batch sent twice, concurrently",
        LocalDate.parse("2023-01-05"),
        2,
        progress -> {});
  }

  @Test
  @Order(6)
  void f6KillingTheIngestBeforeItAnswersLosesNothingAndCountsOnce() throws Exception {
    run(
        "F6 ingest kill -9 mid-stream, clients retry",
        LocalDate.parse("2023-01-06"),
        1,
        progress -> {
          for (double at : new double[] {0.3, 0.6}) {
            awaitProgress(progress, at);
            stack.ingest.kill();
            stack.ingest = stack.newIngest().start();
          }
        });
  }

  @Test
  @Order(7)
  void f7PoisonRecordsGoToTheDeadLetterTopicAndThePartitionsGoOn() throws Exception {
    long deadLettersBefore = count("SELECT count(*) FROM dead_letter", null);
    int poison = 120;
    run(
        "F7 poison records among the reports",
        LocalDate.parse("2023-01-07"),
        1,
        progress -> {
          try (TopicWriter writer =
              new TopicWriter(stack.infrastructure.bootstrapServers(), "task-reports")) {
            for (int i = 0; i < poison; i++) {
              awaitProgress(progress, 0.8 * i / poison);
              writer.send(
                  List.of("33", "35", "44", "11").get(i % 4), "report-filed", "{\"broken\": " + i);
            }
            writer.flush();
          }
        });
    assertThat(count("SELECT count(*) FROM dead_letter", null) - deadLettersBefore)
        .isEqualTo(poison);
  }

  @Test
  @Order(8)
  void f8ReplayingTheWholeTopicLeavesEveryTotalAsItWas() throws Exception {
    String before = stack.totals("?groupBy=day&from=2023-01-01&to=2023-01-31").prettify();
    stack.aggregator.close();
    resetGroupToBeginning();
    stack.aggregator = stack.newAggregator().start();
    awaitDrained();
    assertThat(stack.totals("?groupBy=day&from=2023-01-01&to=2023-01-31").prettify())
        .isEqualTo(before);
    assertThat(stack.reconciliation().getInt("drift")).isZero();
    FIGURES.add(
        "| F8 consumer group reset to 0, whole topic replayed | 0 | 0 | 0 | unchanged | all | 0 |");
  }

  @Test
  @Order(9)
  void f9AFrozenAggregatorThatWakesUpAfterItsSessionEndedDoesNotDoubleCount() throws Exception {
    run(
        "F9 an aggregator frozen (SIGSTOP) past its session, then resumed",
        LocalDate.parse("2023-01-09"),
        1,
        progress -> {
          ServiceProcess second = stack.newAggregator().start();
          awaitProgress(progress, 0.2);
          stack.aggregator.signal("STOP");
          pause(Duration.ofSeconds(25));
          stack.aggregator.signal("CONT");
          awaitProgress(progress, 0.9);
          second.close();
        });
  }

  /** A fault scenario, run beside the load; it gets the load's progress (0 to 1). */
  interface Fault {
    void inject(DoubleSupplier progress) throws Exception;
  }

  private static void run(String name, LocalDate day, int copies, Fault fault) throws Exception {
    OfficeLoad load = new OfficeLoad(stack, day, REPORTS, 200, copies);
    CompletableFuture<Void> injected =
        CompletableFuture.runAsync(
            () -> {
              try {
                fault.inject(load::progress);
              } catch (Exception e) {
                throw new IllegalStateException("the fault could not be injected", e);
              }
            });
    load.run(4);
    injected.get(5, TimeUnit.MINUTES);
    awaitDrained();

    long counted = count("SELECT count(*) FROM report WHERE day = ? AND status = 'COUNTED'", day);
    long quantity = count("SELECT coalesce(sum(quantity), 0) FROM report WHERE day = ?", day);
    long duplicates =
        count(
            "SELECT count(*) FROM report_duplicate d JOIN report r USING (report_id) WHERE r.day = ?",
            day);
    int drift = stack.reconciliation().getInt("drift");
    FIGURES.add(
        "| %s | %d | %d | %d | %d | %d | %d |"
            .formatted(
                name,
                REPORTS,
                load.requests.get(),
                load.acknowledged.size(),
                counted,
                duplicates,
                drift));

    assertThat(load.acknowledged).hasSize(REPORTS);
    assertThat(counted).as("counted once each").isEqualTo(REPORTS);
    assertThat(quantity).isEqualTo(load.expectedQuantity);
    var totals = stack.totals("?from=" + day + "&to=" + day);
    assertThat(totals.getLong("rows[0].reports")).isEqualTo(REPORTS);
    assertThat(totals.getLong("rows[0].quantity")).isEqualTo(load.expectedQuantity);
    assertThat(inLedger(load.acknowledged))
        .as("every acknowledged id is in the ledger")
        .isEqualTo(REPORTS);
    assertThat(drift).as("reconciliation drift").isZero();
  }

  private static void awaitProgress(DoubleSupplier progress, double share) {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> progress.getAsDouble() >= share);
  }

  /** Waits without polling anything: a fault that lasts a while. */
  private static void pause(Duration duration) {
    await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
  }

  private static void awaitDrained() {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> stack.reconciliation().getLong("pendingRecords") == 0);
  }

  private static long count(String sql, LocalDate day) throws Exception {
    DatabaseEndpoint db = stack.infrastructure.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement select = c.prepareStatement(sql)) {
      if (day != null) {
        select.setObject(1, day);
      }
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static long inLedger(java.util.Set<UUID> ids) throws Exception {
    DatabaseEndpoint db = stack.infrastructure.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement select =
            c.prepareStatement("SELECT count(*) FROM report WHERE report_id = ANY(?)")) {
      select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Commits offset 0 for every partition, as `kafka-consumer-groups --reset-offsets` would. */
  private static void resetGroupToBeginning() throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure.bootstrapServers());
    try (Admin admin = Admin.create(props);
        TopicReader topic =
            new TopicReader(stack.infrastructure.bootstrapServers(), "task-reports")) {
      Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
      for (int partition = 0; partition < 12; partition++) {
        zero.put(new TopicPartition("task-reports", partition), new OffsetAndMetadata(0));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () -> {
                admin
                    .alterConsumerGroupOffsets("shishi-aggregator", zero)
                    .all()
                    .get(10, TimeUnit.SECONDS);
                return true;
              });
    }
  }
}
