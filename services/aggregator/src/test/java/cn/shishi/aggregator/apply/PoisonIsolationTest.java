package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TopicReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A record the database refuses, or one that would have been refused, never stops a partition: it
 * is set aside whole and the records around it are counted. Each test uses days of its own.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class PoisonIsolationTest {
  private static final String REFUSED_NOTE = "the database refuses this note";

  @Inject DataSource dataSource;
  @Inject MeterRegistry registry;

  private final Pipeline pipeline = new Pipeline();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void aRecordTheDatabaseRefusesIsSetAsideAloneAndTheRestOfItsBatchIsCounted() throws Exception {
    // A constraint the code does not know, as a schema change could add: only the database
    // refuses the record, after the parser accepted it.
    Pipeline.sql(
        dataSource,
        "ALTER TABLE report ADD CONSTRAINT test_refused_note CHECK (note IS DISTINCT FROM '"
            + REFUSED_NOTE
            + "')");
    try {
      double failuresBefore = dataFailures();
      List<ObjectNode> reports = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        reports.add(Pipeline.report("330402", "2024-04-01T09:00:00+08:00", 1));
      }
      reports.get(23).put("note", REFUSED_NOTE);
      pipeline.fileAll(reports);

      await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2024-04-01")) == 39);
      String refused = reports.get(23).get("reportId").asText();
      Map<String, Object> letter = deadLetter("report_id = '" + refused + "'");
      assertThat(letter.get("reason")).isEqualTo("refused-by-database");
      assertThat((String) letter.get("detail")).startsWith("23514");
      assertThat(new String((byte[]) letter.get("payload"), StandardCharsets.UTF_8))
          .isEqualTo(reports.get(23).toString());
      assertThat(dataFailures() - failuresBefore)
          .as("transactions the database refused before the record stood alone")
          .isGreaterThanOrEqualTo(2);
      assertThat(Pipeline.reconciliation().getInt("drift")).isZero();
    } finally {
      Pipeline.sql(dataSource, "ALTER TABLE report DROP CONSTRAINT test_refused_note");
    }
  }

  /**
   * Java reads offsets to ±18:00, PostgreSQL's timestamptz input to ±15:59: a record written
   * straight to the topic with a wider one is counted at its instant, not set aside.
   */
  @Test
  void aCompletionTimeWithAnOffsetPostgresqlWouldNotParseIsCountedAtItsInstant() {
    ObjectNode report = Pipeline.report("330402", "2024-04-04T23:30:00+17:00", 1);
    pipeline.file(report);

    await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2024-04-04")) == 1);
    assertThat(Pipeline.ledgerTrace(report).getString("report.completedAt"))
        .isEqualTo("2024-04-04T06:30:00Z");
  }

  @Test
  void aNulInAWithdrawalsReasonIsSetAsideAndTheNextReportIsCounted() throws Exception {
    ObjectNode report = Pipeline.report("330402", "2024-04-02T09:00:00+08:00", 1);
    pipeline.file(report);
    ObjectNode withdrawal = Pipeline.withdrawal(report, report.get("officeId").asText());
    withdrawal.put("reason", "录入错误\u0000");
    pipeline.withdraw(withdrawal, "33");
    pipeline.file(Pipeline.report("330402", "2024-04-02T10:00:00+08:00", 1));

    await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2024-04-02")) == 2);
    Map<String, Object> letter =
        deadLetter("report_id = '" + report.get("reportId").asText() + "'");
    assertThat(letter.get("reason")).isEqualTo("invalid");
    assertThat((String) letter.get("detail")).contains("reason");
  }

  @Test
  void bytesThatAreNotUtf8AreKeptExactlyAndPublishedToTheDeadLetterTopic() throws Exception {
    byte[] value = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', 0};
    byte[] key = {'3', '3', (byte) 0xFF};
    RecordHeaders headers = new RecordHeaders();
    headers.add("shishi-event-type", "report-filed".getBytes(StandardCharsets.UTF_8));
    headers.add("x-\u0000-name", null);
    RecordMetadata at = pipeline.raw(key, headers, value);
    pipeline.file(Pipeline.report("330402", "2024-04-03T10:00:00+08:00", 1));

    await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2024-04-03")) == 1);
    Map<String, Object> letter =
        deadLetter("kafka_partition = " + at.partition() + " AND kafka_offset = " + at.offset());
    assertThat(letter.get("reason")).isEqualTo("unparseable");
    assertThat((byte[]) letter.get("payload")).isEqualTo(value);
    assertThat((byte[]) letter.get("record_key")).isEqualTo(key);
    try (TopicReader dlq =
        new TopicReader(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports-dlq")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(dlq.readAllBytes())
                      .as("the copy in the dead-letter topic")
                      .anySatisfy(record -> assertThat(sameRecord(record, key, value)).isTrue()));
    }
  }

  private static boolean sameRecord(
      ConsumerRecord<byte[], byte[]> record, byte[] key, byte[] value) {
    return Arrays.equals(record.key(), key)
        && Arrays.equals(record.value(), value)
        && record.headers().lastHeader("x-\u0000-name") != null
        && "unparseable"
            .equals(
                new String(
                    record.headers().lastHeader("shishi-dlq-reason").value(),
                    StandardCharsets.UTF_8));
  }

  private double dataFailures() {
    return registry.get("shishi.batch.failures").tag("kind", "data").counter().count();
  }

  private Map<String, Object> deadLetter(String where) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT reason, detail, payload, record_key FROM dead_letter WHERE " + where);
        ResultSet row = select.executeQuery()) {
      assertThat(row.next()).as("a dead letter where " + where).isTrue();
      return Map.of(
          "reason", row.getString(1),
          "detail", row.getString(2),
          "payload", row.getBytes(3),
          "record_key", row.getBytes(4));
    }
  }

  private static Map<String, Object> day(String day) {
    return Map.of("from", day, "to", day);
  }
}
