package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.TopicProvisioner;
import cn.shishi.infra.TopicReader;
import cn.shishi.infra.TopicWriter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The promise, under faults: every report acknowledged with 202 is counted exactly once, the totals
 * equal what was sent, and reconciliation finds no drift. Each case sends its reports (for a day of
 * its own, from all 31 provinces by population) through the packaged ingest while a fault is
 * injected, asserts that the fault happened, then checks the ledger, the REST totals and the
 * reconciliation. {@code -Dshishi.faults.reports=N} sets the reports per case (the {@code
 * faults-long} profile sends 200,000). docs/reliability.md is written from the figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
  private static final int REPORTS = Integer.getInteger("shishi.faults.reports", 20_000);
  private static final List<String> FIGURES = new ArrayList<>();
  private static final List<ServiceProcess> STARTED = new ArrayList<>();
  private static Stack stack;
  private static Ledger ledger;

  /** Whatever a case started beside the stack's own aggregator stops with it, failed or not. */
  @AfterEach
  void stopExtraInstances() {
    STARTED.stream()
        .filter(instance -> instance != stack.aggregator)
        .forEach(ServiceProcess::close);
    STARTED.clear();
  }

  @BeforeAll
  static void start() {
    stack = new Stack("faults");
    ledger = new Ledger(stack.infrastructure.database());
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
    String table =
        "| case | fault injected, as measured | reports | requests | acknowledged | counted |"
            + " duplicates absorbed | dead letters | drift |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            + String.join("\n", FIGURES)
            + "\n";
    System.out.println("fault suite figures:\n" + table);
    Files.writeString(Path.of("target", "reliability-figures.md"), table);
  }

  @Test
  @Order(1)
  void f1KillingTheAggregatorThreeTimesAndStoppingItOnceLosesNothing() throws Exception {
    List<Long> pids = new ArrayList<>();
    @SuppressWarnings("unchecked")
    java.util.Optional<Duration>[] stopped = new java.util.Optional[] {java.util.Optional.empty()};
    int[] exitCode = {-1};
    run(
        "F1 aggregator kill -9 ×3, then a clean stop",
        LocalDate.parse("2023-01-01"),
        1,
        progress -> {
          for (double at : new double[] {0.2, 0.4, 0.6}) {
            awaitProgress(progress, at);
            pids.add(stack.aggregator.pid());
            stack.aggregator.kill();
            stack.aggregator = stack.newAggregator().start();
          }
          awaitProgress(progress, 0.8);
          ServiceProcess stopping = stack.aggregator;
          // The Kubernetes grace period (deploy/k8s/base/aggregator.yaml) is 45 s; it must leave in
          // less than half of it, mid-load, on its own.
          stopped[0] = stopping.terminate(Duration.ofSeconds(20));
          exitCode[0] = stopping.exitCode();
          stack.aggregator = stack.newAggregator().start();
          return "3 processes killed (pids "
              + pids
              + "), 1 stopped by SIGTERM in "
              + stopped[0].map(d -> d.toMillis() + " ms").orElse("(killed)");
        });
    assertThat(pids).hasSize(3).doesNotHaveDuplicates();
    assertThat(stopped[0]).as("the aggregator left by itself after SIGTERM").isPresent();
    // 143 (128 + SIGTERM) is the JVM's exit after an orderly shutdown on SIGTERM; 137 would be a
    // kill, and anything else a failure on the way out.
    assertThat(exitCode[0]).as("its exit code after SIGTERM").isEqualTo(143);
  }

  @Test
  @Order(2)
  void f2KillingTheBrokerUnderLoadLosesNothing() throws Exception {
    run(
        "F2 broker kill -9, restarted 8 s later",
        LocalDate.parse("2023-01-02"),
        1,
        progress -> {
          awaitProgress(progress, 0.3);
          long acknowledgedBefore = Math.round(progress.getAsDouble() * REPORTS);
          stack.infrastructure.broker().orElseThrow().kill();
          assertThat(stack.infrastructure.broker().orElseThrow().isAlive()).isFalse();
          pause(Duration.ofSeconds(8));
          stack.infrastructure.broker().orElseThrow().start();
          return "broker SIGKILLed after about " + acknowledgedBefore + " reports acknowledged";
        });
  }

  /** Longer than the consumer's 15 s session, so that a restart would also cost a rebalance. */
  private static final int OUTAGE_SECONDS = 20;

  @Test
  @Order(3)
  void f3CrashingPostgresqlUnderLoadLosesNothing() throws Exception {
    double failuresBefore = transientFailures(stack.aggregator);
    List<Integer> liveness = new ArrayList<>();
    List<Integer> readiness = new ArrayList<>();
    Response[] totals = {null};
    run(
        "F3 PostgreSQL killed and restarted",
        LocalDate.parse("2023-01-03"),
        1,
        progress -> {
          awaitProgress(progress, 0.3);
          stack.infrastructure.embeddedDatabase().orElseThrow().crash();
          // A database outage is no reason to restart the aggregator: liveness stays up all
          // through it, and the consumer resumes by itself once the database is back.
          // Nor to take it out of its Service (ADR 0007): it stays ready, and a question it
          // cannot answer now is a 503 that says when to come back.
          for (int second = 0; second < OUTAGE_SECONDS; second++) {
            liveness.add(ServiceProcess.status(stack.aggregator.managementUrl("/q/health/live")));
            readiness.add(ServiceProcess.status(stack.aggregator.managementUrl("/q/health/ready")));
            if (second == 2) {
              totals[0] = stack.totalsResponse("?province=33");
            }
            pause(Duration.ofSeconds(1));
          }
          stack.infrastructure.embeddedDatabase().orElseThrow().restart();
          return "PostgreSQL down for "
              + OUTAGE_SECONDS
              + " s, the aggregator live throughout; batch transactions failed and retried: "
              + (long) (transientFailures(stack.aggregator) - failuresBefore);
        });
    assertThat(transientFailures(stack.aggregator) - failuresBefore)
        .as("transactions that failed while PostgreSQL was down")
        .isPositive();
    assertThat(liveness)
        .as("the aggregator's liveness, each second of the outage")
        .containsOnly(200);
    assertThat(readiness)
        .as("the aggregator's readiness, each second of the outage")
        .containsOnly(200);
    assertThat(totals[0].statusCode()).as("a totals query during the outage").isEqualTo(503);
    assertThat(totals[0].header("Retry-After")).isEqualTo("5");
    assertThat(totals[0].jsonPath().getString("type")).endsWith("database-unavailable");
  }

  @Test
  @Order(4)
  void f4AggregatorsJoiningAndLeavingWhileABacklogDrainsLoseNothing() throws Exception {
    List<Double> applied = new ArrayList<>();
    long[] backlog = new long[2];
    List<Long> endsBefore = partitionEnds();
    run(
        "F4 three aggregators drain a backlog together; one leaves mid-drain",
        LocalDate.parse("2023-01-04"),
        2 * REPORTS,
        1,
        progress -> {
          stack.aggregator.close();
          List<ServiceProcess> three = startTogether(3);
          stack.aggregator = three.get(0);
          backlog[0] = buildBacklog(three);
          // Each is frozen as soon as it has applied records, so that the three together cannot
          // drain the backlog before one leaves (they did, in CI, once they drained faster); the
          // backlog is then measured with all three frozen, and one leaves as they resume.
          for (ServiceProcess instance : three) {
            awaitApplied(instance);
            instance.signal("STOP");
          }
          backlog[1] = backlog();
          three.forEach(instance -> instance.signal("CONT"));
          for (ServiceProcess instance : three) {
            applied.add(ServiceMetrics.sum(instance, "shishi_reports_processed_total"));
          }
          three.get(1).close();
          return ("backlog %d records when three aggregators went to work on it together, %d when"
                  + " one left; records applied by each before it left: %s")
              .formatted(backlog[0], backlog[1], applied.stream().map(Math::round).toList());
        });
    List<Long> written = new ArrayList<>();
    List<Long> endsAfter = partitionEnds();
    for (int p = 0; p < endsAfter.size(); p++) {
      written.add(endsAfter.get(p) - endsBefore.get(p));
    }
    double mean = written.stream().mapToLong(Long::longValue).average().orElseThrow();
    FIGURES.add(
        "| F4's load per partition (offices of every city, by population) | records %s, largest"
                .formatted(written)
            + " %.2f × the mean | | | | | | | |".formatted(Collections.max(written) / mean));
    assertThat(written).as("records each partition received").allMatch(n -> n > 0);
    assertThat(backlog[0]).as("records waiting when they went to work").isGreaterThan(REPORTS / 4);
    assertThat(backlog[1]).as("records waiting when one left").isPositive();
    assertThat(applied).as("records applied by each instance").allMatch(n -> n > 0);
  }

  @Test
  @Order(5)
  void f5EveryBatchSentTwiceConcurrentlyCountsOnce() throws Exception {
    run(
        "F5 every batch sent twice, concurrently",
        LocalDate.parse("2023-01-05"),
        2,
        progress -> "each batch posted twice at once");
  }

  @Test
  @Order(6)
  void f6KillingTheIngestBeforeItAnswersLosesNothingAndCountsOnce() throws Exception {
    @SuppressWarnings("unchecked")
    java.util.Optional<Duration>[] stopped = new java.util.Optional[] {java.util.Optional.empty()};
    int[] exitCode = {-1};
    run(
        "F6 ingest kill -9 ×2 mid-stream, then a clean stop; clients retry",
        LocalDate.parse("2023-01-06"),
        1,
        progress -> {
          for (double at : new double[] {0.3, 0.6}) {
            awaitProgress(progress, at);
            stack.ingest.kill();
            stack.ingest = stack.newIngest().start();
          }
          awaitProgress(progress, 0.8);
          ServiceProcess stopping = stack.ingest;
          // Kubernetes gives the ingest 30 s (deploy/k8s/base/ingest.yaml): it answers what it
          // holds
          // and leaves well within them, on its own.
          stopped[0] = stopping.terminate(Duration.ofSeconds(25));
          exitCode[0] = stopping.exitCode();
          stack.ingest = stack.newIngest().start();
          return "2 ingest processes killed, 1 stopped by SIGTERM in "
              + stopped[0].map(d -> d.toMillis() + " ms").orElse("(killed)");
        });
    assertThat(stopped[0]).as("the ingest left by itself after SIGTERM").isPresent();
    assertThat(exitCode[0]).as("its exit code after SIGTERM").isEqualTo(143);
  }

  @Test
  @Order(7)
  void f7PoisonRecordsAreSetAsideWholeAndThePartitionsGoOn() throws Exception {
    long deadLettersBefore = ledger.count("SELECT count(*) FROM dead_letter");
    int poison = 120;
    List<String> keys = List.of("33", "35", "44", "11", "51", "65");
    run(
        "F7 poison records among the reports",
        LocalDate.parse("2023-01-07"),
        1,
        progress -> {
          try (TopicWriter writer =
              new TopicWriter(stack.infrastructure.bootstrapServers(), "task-reports")) {
            for (int i = 0; i < poison; i++) {
              awaitProgress(progress, 0.8 * i / poison);
              writer.send(keys.get(i % keys.size()), "report-filed", "{\"broken\": " + i);
            }
            writer.flush();
          }
          return poison + " unparseable records written to the topic";
        });
    assertThat(ledger.count("SELECT count(*) FROM dead_letter") - deadLettersBefore)
        .isEqualTo(poison);
    assertThat(
            ledger.count(
                "SELECT count(*) FROM dead_letter WHERE convert_from(payload, 'UTF8') LIKE"
                    + " '{\"broken\": %'"))
        .as("each kept whole")
        .isEqualTo(poison);
  }

  @Test
  @Order(8)
  void f8AFreshDatabaseRebuiltFromOffsetZeroEqualsTheFirst() {
    awaitDrained(stack.aggregator);
    ledger.execute("CREATE DATABASE shishi_replay");
    Ledger replay = ledger.database("shishi_replay");
    long records = endOffsets();
    ServiceProcess rebuilt =
        stack
            .newAggregator(
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    replay.jdbcUrl(),
                    "MP_MESSAGING_INCOMING_TASK_REPORTS_GROUP_ID",
                    "shishi-aggregator-replay"))
            .start();
    try {
      awaitDrained(rebuilt);
      List<String> original = ledger.contents();
      List<String> replayed = replay.contents();
      assertThat(replayed).hasSameSizeAs(original).isEqualTo(original);
      assertThat(Stack.reconciliation(rebuilt).getInt("drift")).isZero();
      long duplicates = replay.count("SELECT count(*) FROM report_duplicate");
      assertThat(duplicates).isEqualTo(ledger.count("SELECT count(*) FROM report_duplicate"));
      FIGURES.add(
          "| F8 a fresh database rebuilt from offset 0 of the topic | %d records replayed into an"
                  .formatted(records)
              + " empty database; %d ledger and rollup rows compared, all equal | 0 | 0 | 0 | %d |"
                  .formatted(original.size(), replay.count("SELECT count(*) FROM report"))
              + " %d | %d | 0 |"
                  .formatted(duplicates, replay.count("SELECT count(*) FROM dead_letter")));
    } finally {
      rebuilt.close();
    }
  }

  @Test
  @Order(9)
  void f9AFrozenAggregatorThatWakesUpAfterItsPartitionsMovedDoesNotDoubleCount() throws Exception {
    List<String> names = List.of("shishi-f9-first", "shishi-f9-second");
    double[] stale = new double[2];
    long[] backlog = new long[1];
    List<String> waiting = new ArrayList<>();
    // Both instances are up before the load starts, so that reports keep arriving while one is
    // frozen. Each connects to PostgreSQL under its own name, so that the test sees which waits.
    // The frozen batch's transaction lasts from its wait for the lock through a rebalance and a
    // freeze: on a slow machine that can pass the default 60 s, and a batch the transaction
    // manager rolled back leaves the other instance nothing to find applied.
    stack.aggregator.close();
    List<ServiceProcess> both =
        startTogether(
            names.stream()
                .map(name -> withLongTransactions(connectingAs(ledger.named(name))))
                .toList());
    stack.aggregator = both.get(0);
    // The group settles before the load starts: frozen in the middle of its first rebalance, an
    // instance had a batch of its old assignment wait for partition 0 too, until the transaction
    // timeout aborted it (CI, 2026-12-03).
    awaitStableGroup(2);
    run(
        "F9 an aggregator frozen (SIGSTOP) in the middle of a batch until its partitions moved",
        LocalDate.parse("2023-01-09"),
        2 * REPORTS,
        1,
        progress -> {
          // Both are held still while the load runs, so that every partition has records waiting
          // when partition 0's offset is locked: the load can end within seconds, and once
          // (CI, 2026-12-02) had been applied whole before the lock, so that no batch waited.
          both.forEach(instance -> instance.signal("STOP"));
          pause(Duration.ofSeconds(8));
          ServiceProcess frozen;
          ServiceProcess other;
          double staleBefore;
          // The test holds partition 0's stored offset the way a batch does. The instance that
          // applies partition 0 then waits for it with its batch read and nothing committed, and
          // is frozen there; its session ends, the other takes its partitions, reads the same
          // records again from the stored offset and waits for the same lock, behind it.
          try (AutoCloseable held = ledger.lockOffset("task-reports", 0)) {
            both.forEach(instance -> instance.signal("CONT"));
            String first = awaitWaiting(1).get(0);
            frozen = both.get(names.indexOf(first));
            other = both.get(1 - names.indexOf(first));
            stack.aggregator = other;
            staleBefore = alreadyApplied(other);
            // Frozen while the group rebalances, it would hold the rebalance up to its poll
            // interval (5 minutes), not its session: CI once waited past a minute.
            awaitStableGroup(2);
            frozen.signal("STOP");
            backlog[0] = backlog();
            waiting.addAll(awaitWaiting(2));
          }
          // PostgreSQL grants the lock in the order asked: the frozen instance's connection gets
          // it, and once woken it commits the batch; the other then finds those records applied.
          frozen.signal("CONT");
          await("the second commit of the same records is refused")
              .atMost(Duration.ofSeconds(60))
              .until(() -> alreadyApplied(other) > staleBefore);
          awaitDrained(other);
          stale[0] = alreadyApplied(frozen);
          stale[1] = alreadyApplied(other) - staleBefore;
          frozen.close();
          return ("backlog %d records when it froze; waiting for partition 0's offset: %s; records"
                  + " found already applied and skipped: %d by the woken instance, %d by the other")
              .formatted(backlog[0], waiting, Math.round(stale[0]), Math.round(stale[1]));
        });
    assertThat(backlog[0]).as("records waiting when it froze").isPositive();
    assertThat(waiting).as("both waited for the same offset").hasSize(2).doesNotHaveDuplicates();
    assertThat(stale[1]).as("records the other found applied by the woken one").isPositive();
  }

  @Test
  @Order(10)
  void f10HostileRecordsWrittenStraightToTheTopicAreSetAsideWholeAndTheRestCounted()
      throws Exception {
    List<HostileRecords.Hostile> hostile = HostileRecords.all();
    List<RecordMetadata> written = new ArrayList<>();
    run(
        "F10 hostile records written straight to the topic",
        LocalDate.parse("2023-01-10"),
        1,
        progress -> {
          try (TopicWriter writer =
              new TopicWriter(stack.infrastructure.bootstrapServers(), "task-reports")) {
            for (int i = 0; i < hostile.size(); i++) {
              awaitProgress(progress, 0.8 * i / hostile.size());
              HostileRecords.Hostile record = hostile.get(i);
              written.add(writer.writeRaw(record.key(), record.headers(), record.value()));
            }
          }
          return hostile.size()
              + " records: NUL in every text field, 10,000 characters, combining"
              + " marks only, years 0001 and 9999, quantities past every bound, unknown versions"
              + " and types, bytes that are not UTF-8, empty and deeply nested values";
        });
    for (int i = 0; i < hostile.size(); i++) {
      RecordMetadata at = written.get(i);
      List<String> kept =
          ledger.rows(
              "SELECT reason, md5(payload), payload IS NULL FROM dead_letter"
                  + " WHERE topic = 'task-reports' AND kafka_partition = ? AND kafka_offset = ?",
              at.partition(),
              at.offset());
      byte[] value = hostile.get(i).value();
      assertThat(kept).as(hostile.get(i).what()).hasSize(1);
      assertThat(kept.get(0))
          .as(hostile.get(i).what() + " kept whole")
          .endsWith(value == null ? "|null|t" : "|" + md5(value) + "|f");
    }
  }

  @Test
  @Order(11)
  void f11TheDeadLetterTopicDeletedMidLoadHoldsNothingUp() throws Exception {
    int poison = 30;
    double[] unpublishedWhileGone = new double[1];
    run(
        "F11 the dead-letter topic deleted mid-load, created again later",
        LocalDate.parse("2023-01-11"),
        1,
        progress -> {
          awaitProgress(progress, 0.2);
          try (Admin admin = admin()) {
            admin.deleteTopics(Set.of("task-reports-dlq")).all().get(30, TimeUnit.SECONDS);
          }
          try (TopicWriter writer =
              new TopicWriter(stack.infrastructure.bootstrapServers(), "task-reports")) {
            for (int i = 0; i < poison; i++) {
              writer.send("44", "report-filed", "{\"dlq gone\": " + i);
            }
            writer.flush();
          }
          await("dead letters waiting for their topic")
              .atMost(Duration.ofSeconds(60))
              .until(() -> unpublished() >= poison);
          unpublishedWhileGone[0] = unpublished();
          awaitProgress(progress, 0.7);
          await("the dead-letter topic created again")
              .atMost(Duration.ofSeconds(60))
              .ignoreExceptions()
              .untilAsserted(
                  () ->
                      TopicProvisioner.provision(
                          stack.infrastructure.bootstrapServers(),
                          stack.infrastructure.reportPartitions()));
          return "%d dead letters waited unpublished while the topic was gone"
              .formatted(Math.round(unpublishedWhileGone[0]));
        });
    await("every dead letter published once the topic is back")
        .atMost(Duration.ofSeconds(60))
        .until(() -> unpublished() == 0);
    try (TopicReader dlq =
        new TopicReader(stack.infrastructure.bootstrapServers(), "task-reports-dlq")) {
      assertThat(dlq.readAll())
          .filteredOn(r -> r.value() != null && r.value().startsWith("{\"dlq gone\": "))
          .hasSize(poison);
    }
    assertThat(unpublishedWhileGone[0]).isGreaterThanOrEqualTo(poison);
  }

  @Test
  @Order(12)
  void f12TheTopicDeletedAndCreatedAgainIsHeldUntilAnAdminDecidesAndLosesNothingAccepted()
      throws Exception {
    LocalDate day = LocalDate.parse("2023-01-12");
    OfficeLoad before = new OfficeLoad(stack, day, REPORTS / 2, 200, 1);
    before.run(4);
    awaitDrained(stack.aggregator);
    try (Admin admin = admin()) {
      admin.deleteTopics(Set.of("task-reports")).all().get(30, TimeUnit.SECONDS);
      await("task-reports deleted")
          .atMost(Duration.ofSeconds(60))
          .until(() -> !admin.listTopics().names().get().contains("task-reports"));
    }
    await("task-reports created again")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                TopicProvisioner.provision(
                    stack.infrastructure.bootstrapServers(),
                    stack.infrastructure.reportPartitions()));
    OfficeLoad after = new OfficeLoad(stack, day.plusDays(1), REPORTS / 2, 200, 1);
    after.run(4);

    await("the replaced topic is seen")
        .atMost(Duration.ofSeconds(90))
        .until(() -> openAnomalies().size() == stack.infrastructure.reportPartitions());
    assertThat(openAnomalies()).allMatch(a -> a.get("kind").equals("topic-replaced"));
    await("readiness reports the held partitions")
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> ServiceProcess.status(stack.aggregator.managementUrl("/q/health/ready")) == 503);
    assertThat(counted(day.plusDays(1)))
        .as("no report of the new topic applied before the decision")
        .isZero();

    // A batch already holding records of the new topic when its partition's anomaly is adopted
    // can raise the anomaly again (seen in CI on 2026-12-01; noted for issue 18): the admin
    // adopts until none is open. Nothing is applied while a partition is held, so the totals
    // below are what this test proves.
    await("every anomaly adopted and the new topic drained")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              for (Map<String, Object> anomaly : openAnomalies()) {
                stack.adminPost(
                    "/api/v1/admin/offset-anomalies/" + anomaly.get("id") + "/adopt",
                    "{\"fromOffset\": 0, \"note\": \"task-reports deleted and created again"
                        + " (F12)\"}");
              }
              return openAnomalies().isEmpty()
                  && Stack.reconciliation(stack.aggregator).getLong("pendingRecords") == 0;
            });
    assertThat(counted(day)).isEqualTo(REPORTS / 2);
    assertThat(counted(day.plusDays(1))).isEqualTo(REPORTS / 2);
    assertThat(ledger.inLedger(after.acknowledged)).isEqualTo(REPORTS / 2);
    assertThat(stack.reconciliation().getInt("drift")).isZero();
    await("ready again")
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> ServiceProcess.status(stack.aggregator.managementUrl("/q/health/ready")) == 200);
    FIGURES.add(
        "| F12 task-reports deleted and created again under a running stack | %d partitions held"
                .formatted(stack.infrastructure.reportPartitions())
            + " (topic-replaced), readiness 503, 0 new reports applied until an admin adopted the"
            + " new log from 0 | %d | %d | %d | %d | 0 | 0 | 0 |"
                .formatted(
                    REPORTS,
                    before.requests.get() + after.requests.get(),
                    before.acknowledged.size() + after.acknowledged.size(),
                    counted(day) + counted(day.plusDays(1))));
  }

  /** A fault scenario, run beside the load; it gets the load's progress (0 to 1). */
  interface Fault {
    /** Injects the fault and says, measured, what it did. */
    String inject(DoubleSupplier progress) throws Exception;
  }

  private static void run(String name, LocalDate day, int copies, Fault fault) throws Exception {
    run(name, day, REPORTS, copies, fault);
  }

  private static void run(String name, LocalDate day, int reports, int copies, Fault fault)
      throws Exception {
    OfficeLoad load = new OfficeLoad(stack, day, reports, 200, copies);
    long deadLettersBefore = ledger.count("SELECT count(*) FROM dead_letter");
    CompletableFuture<String> injected =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return fault.inject(load::progress);
              } catch (Exception e) {
                throw new IllegalStateException("the fault could not be injected: " + e, e);
              }
            });
    load.run(4);
    String measured = injected.get(5, TimeUnit.MINUTES);
    awaitDrained(stack.aggregator);

    long counted = counted(day);
    long quantity =
        ledger.count("SELECT coalesce(sum(quantity), 0) FROM report WHERE day = ?", day);
    long duplicates =
        ledger.count(
            "SELECT count(*) FROM report_duplicate d JOIN report r USING (report_id) WHERE r.day = ?",
            day);
    long deadLetters = ledger.count("SELECT count(*) FROM dead_letter") - deadLettersBefore;
    int drift = stack.reconciliation().getInt("drift");
    FIGURES.add(
        "| %s | %s | %d | %d | %d | %d | %d | %d | %d |"
            .formatted(
                name,
                measured,
                reports,
                load.requests.get(),
                load.acknowledged.size(),
                counted,
                duplicates,
                deadLetters,
                drift));

    assertThat(load.acknowledged).hasSize(reports);
    assertThat(counted).as("counted once each").isEqualTo(reports);
    assertThat(quantity).isEqualTo(load.expectedQuantity);
    JsonPath totals = stack.totals("?from=" + day + "&to=" + day);
    assertThat(totals.getLong("rows[0].reports")).isEqualTo(reports);
    assertThat(totals.getLong("rows[0].quantity")).isEqualTo(load.expectedQuantity);
    assertThat(ledger.inLedger(load.acknowledged))
        .as("every acknowledged id is in the ledger")
        .isEqualTo(reports);
    assertThat(drift).as("reconciliation drift").isZero();
  }

  private static long counted(LocalDate day) {
    return ledger.count("SELECT count(*) FROM report WHERE day = ? AND status = 'COUNTED'", day);
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

  private static void awaitDrained(ServiceProcess instance) {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> Stack.reconciliation(instance).getLong("pendingRecords") == 0);
  }

  /**
   * Holds {@code instances} still (SIGSTOP, for less than their session timeout, so that they keep
   * their partitions) while the load goes on, then lets them go at once; returns the backlog they
   * go to work on.
   */
  private static long buildBacklog(List<ServiceProcess> instances) {
    instances.forEach(instance -> instance.signal("STOP"));
    await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
    long backlog = backlog();
    instances.forEach(instance -> instance.signal("CONT"));
    return backlog;
  }

  /** Starts {@code count} aggregators at once and returns them once all are ready. */
  private static List<ServiceProcess> startTogether(int count) {
    return startTogether(Collections.nCopies(count, Map.of()));
  }

  /**
   * Starts an aggregator with each of {@code settings} at once; returns them once all are ready.
   */
  private static List<ServiceProcess> startTogether(List<Map<String, String>> settings) {
    List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
    for (Map<String, String> own : settings) {
      starting.add(CompletableFuture.supplyAsync(() -> stack.newAggregator(own).start()));
    }
    List<ServiceProcess> started = starting.stream().map(CompletableFuture::join).toList();
    STARTED.addAll(started);
    return started;
  }

  /** Waits until the aggregators' group is stable with {@code members} members. */
  private static void awaitStableGroup(int members) {
    try (Admin admin = admin()) {
      await("the group stable with " + members + " members")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  admin
                      .describeConsumerGroups(List.of("shishi-aggregator"))
                      .all()
                      .get(10, TimeUnit.SECONDS)
                      .get("shishi-aggregator"),
              group ->
                  group.groupState() == GroupState.STABLE && group.members().size() == members);
    }
  }

  /** {@code settings} with batch transactions that time out after 10 minutes, not 60 s. */
  private static Map<String, String> withLongTransactions(Map<String, String> settings) {
    Map<String, String> longer = new HashMap<>(settings);
    longer.put("QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "10M");
    return longer;
  }

  /** An aggregator's settings to use {@code database}. */
  private static Map<String, String> connectingAs(Ledger database) {
    return Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
  }

  /**
   * Waits until {@code count} connections wait for a stored offset; returns their names. If they
   * never do, says what every connection to the database was doing instead.
   */
  private static List<String> awaitWaiting(int count) {
    try {
      return await(count + " batches wait for a stored offset")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(ledger::waitingForOffsets, names -> names.size() >= count);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(e.getMessage() + "; connections: " + ledger.connections(), e);
    }
  }

  /** Waits until {@code instance} has applied records itself. */
  private static void awaitApplied(ServiceProcess instance) {
    await(instance + " applies records")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> ServiceMetrics.sum(instance, "shishi_reports_processed_total") > 0);
  }

  /** Records in the topic not yet applied: Kafka's end offsets less the stored ones. */
  private static long backlog() {
    return endOffsets()
        - ledger.count(
            "SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE topic = 'task-reports'");
  }

  private static List<Long> partitionEnds() {
    try (TopicReader topic =
        new TopicReader(stack.infrastructure.bootstrapServers(), "task-reports")) {
      return topic.endOffsets();
    }
  }

  private static long endOffsets() {
    try (TopicReader topic =
        new TopicReader(stack.infrastructure.bootstrapServers(), "task-reports")) {
      return topic.endOffsetSum();
    }
  }

  private static double transientFailures(ServiceProcess instance) {
    return ServiceMetrics.sum(instance, "shishi_batch_failures_total", Map.of("kind", "transient"));
  }

  private static double alreadyApplied(ServiceProcess instance) {
    return ServiceMetrics.sum(
        instance, "shishi_records_skipped_total", Map.of("reason", "already-applied"));
  }

  private static double unpublished() {
    return ServiceMetrics.sum(stack.aggregator, "shishi_dead_letters_unpublished");
  }

  private static List<Map<String, Object>> openAnomalies() {
    List<Map<String, Object>> all = stack.offsetAnomalies().getList("$");
    return all.stream().filter(a -> a.get("resolution") == null).toList();
  }

  private static Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure.bootstrapServers());
    return Admin.create(props);
  }

  private static String md5(byte[] value) throws Exception {
    byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(value);
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format(java.util.Locale.ROOT, "%02x", b));
    }
    return hex.toString();
  }
}
