package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregator killed right after committing to PostgreSQL (before Kafka's throttled commit), and
 * the consumer group reset to the beginning: every record is read again, no total moves.
 */
class RedeliveryIT {
  private static final int REPORTS = 400;
  private static Stack stack;

  @BeforeAll
  static void start() {
    stack = new Stack("redelivery");
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aKilledAggregatorAndAResetGroupCountEveryReportOnce() throws Exception {
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < REPORTS; i++) {
      batch.add(
          """
          {"reportId": "%s", "regionCode": "%s", "program": "practical-deeds",
           "taskType": "household-visit", "quantity": 2, "completedAt": "2021-05-14T10:30:00+08:00"}
          """
              .formatted(UUID.randomUUID(), i % 2 == 0 ? "330402" : "350102"));
    }
    String zhejiang = Stack.office("33");
    String fujian = Stack.office("35");
    for (String report : batch) {
      given()
          .auth()
          .oauth2(report.contains("330402") ? zhejiang : fujian)
          .contentType("application/json")
          .body(report)
          .post(stack.ingest.url("/api/v1/reports"))
          .then()
          .statusCode(202);
    }
    awaitTotal();
    stack.aggregator.kill();

    resetGroupToBeginning();
    stack.aggregator = stack.newAggregator().start();
    awaitDrained();

    assertThat(stack.totals("").getLong("rows[0].reports")).isEqualTo(REPORTS);
    assertThat(stack.totals("").getLong("rows[0].quantity")).isEqualTo(2L * REPORTS);
    assertThat(stack.reconciliation().getBoolean("consistent")).isTrue();
  }

  private static void awaitTotal() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.totals("").getLong("rows[0].reports") == REPORTS);
  }

  private static void awaitDrained() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.reconciliation().getLong("pendingRecords") == 0);
  }

  /** Commits offset 0 for every partition, as `kafka-consumer-groups --reset-offsets` would. */
  private static void resetGroupToBeginning() throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
      admin
          .describeTopics(List.of("task-reports"))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get("task-reports")
          .partitions()
          .forEach(
              p ->
                  partitions.put(
                      new TopicPartition("task-reports", p.partition()), OffsetSpec.earliest()));
      Map<TopicPartition, OffsetAndMetadata> zero = new java.util.HashMap<>();
      partitions.keySet().forEach(p -> zero.put(p, new OffsetAndMetadata(0)));
      // The killed member must leave the group before its offsets can be altered.
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
      assertThat(
              admin
                  .listConsumerGroupOffsets("shishi-aggregator")
                  .partitionsToOffsetAndMetadata()
                  .get(10, TimeUnit.SECONDS)
                  .values())
          .allMatch(offset -> offset.offset() == 0);
    }
  }
}
