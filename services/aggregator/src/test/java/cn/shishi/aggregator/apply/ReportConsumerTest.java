package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ContractSamples;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TopicReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consumer against a real broker and database; each test uses days no other test uses. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ReportConsumerTest {
  private final Pipeline pipeline = new Pipeline();

  @AfterEach
  void close() {
    pipeline.close();
  }

  private static Map<String, Object> day(String day, Object... more) {
    Map<String, Object> query = new java.util.HashMap<>(Map.of("from", day, "to", day));
    for (int i = 0; i < more.length; i += 2) {
      query.put((String) more[i], more[i + 1]);
    }
    return query;
  }

  @Test
  void countsTheContractSampleInItsCountyCityAndProvince() {
    ObjectNode event = Pipeline.report("330402", "2021-03-01T09:00:00+08:00", 2);
    pipeline.file(event);

    await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2021-03-01")) == 1);
    JsonPath county = Pipeline.totals(day("2021-03-01", "groupBy", "county"));
    assertThat(county.getString("rows[0].group.county")).isEqualTo("330402");
    assertThat(county.getString("rows[0].names.county")).isEqualTo("南湖区");
    assertThat(county.getLong("rows[0].quantity")).isEqualTo(2);
    assertThat(county.getLong("rows[0].beneficiaries")).isEqualTo(5);
    assertThat(Pipeline.reports(day("2021-03-01", "city", "3304"))).isEqualTo(1);
    assertThat(Pipeline.reports(day("2021-03-01", "province", "33"))).isEqualTo(1);
  }

  @Test
  void aLateReportLandsInTheDayItWasCompletedInChina() {
    // 23:30 UTC on 2 March is already 3 March in China.
    pipeline.file(Pipeline.report("330402", "2021-03-02T23:30:00Z", 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2021-03-03")) == 1);
    assertThat(Pipeline.reports(day("2021-03-02"))).isZero();
  }

  @Test
  void aDuplicateChangesNoTotalWhateverItsContent() {
    ObjectNode original = Pipeline.report("330402", "2021-03-04T09:00:00+08:00", 3);
    ObjectNode differing = original.deepCopy().put("quantity", 99);
    pipeline.file(original);
    pipeline.file(original);
    pipeline.file(differing);
    ObjectNode marker = Pipeline.report("330402", "2021-03-04T10:00:00+08:00", 1);
    pipeline.file(marker);

    await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2021-03-04")) == 2);
    assertThat(Pipeline.totals(day("2021-03-04")).getLong("rows[0].quantity")).isEqualTo(4);
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndThePartitionGoesOn() {
    pipeline.raw("33", "report-filed", "{not json");
    pipeline.raw(
        "33", "report-filed", ContractSamples.reportFiled().put("schemaVersion", 2).toString());
    pipeline.raw("33", "something-else", "{}");
    pipeline.file(Pipeline.report("330402", "2021-03-05T09:00:00+08:00", 1));

    await().atMost(Duration.ofSeconds(30)).until(() -> Pipeline.reports(day("2021-03-05")) == 1);
    // Dead letters reach their topic after the commit, from PostgreSQL (the outbox).
    try (TopicReader dlq =
        new TopicReader(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports-dlq")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(dlq.readAll())
                      .extracting(ReportConsumerTest::reason)
                      .contains("unparseable", "unknown-schema-version", "unknown-event-type"));
    }
  }

  private static String reason(ConsumerRecord<String, String> record) {
    return new String(
        record.headers().lastHeader("shishi-dlq-reason").value(), StandardCharsets.UTF_8);
  }
}
