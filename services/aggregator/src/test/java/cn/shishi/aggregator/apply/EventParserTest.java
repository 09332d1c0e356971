package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.catalog.Regions;
import cn.shishi.contract.EventConstraints;
import cn.shishi.infra.ContractSamples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The parser without Kafka or a database: what each kind of record becomes. */
class EventParserTest {
  private static final EventParser PARSER =
      new EventParser(
          new ObjectMapper().findAndRegisterModules(), new EventConstraints(Regions.load()));

  @Test
  void readsTheContractSamples() {
    BatchItem filed = PARSER.parse(record(0, "report-filed", ContractSamples.reportFiled()));
    assertThat(filed).isInstanceOf(FiledReport.class);
    FiledReport report = (FiledReport) filed;
    assertThat(report.regionCode())
        .isEqualTo(ContractSamples.reportFiled().get("regionCode").asText());
    assertThat(report.completedAt())
        .isEqualTo(OffsetDateTime.parse(ContractSamples.reportFiled().get("completedAt").asText()));
    assertThat(report.position()).isEqualTo(new RecordPosition(3, 0));

    BatchItem withdrawn =
        PARSER.parse(record(1, "report-withdrawn", ContractSamples.reportWithdrawn()));
    assertThat(withdrawn).isInstanceOf(Withdrawal.class);
  }

  @Test
  void setsAsideWhatItCannotUseWithTheReasonAndTheRecordWhole() {
    assertThat(reason(record(0, "report-filed", "{not json"))).isEqualTo(DeadLetter.UNPARSEABLE);
    assertThat(reason(record(0, "report-filed", (String) null))).isEqualTo(DeadLetter.UNPARSEABLE);
    assertThat(reason(record(0, "something-else", "{}"))).isEqualTo(DeadLetter.UNKNOWN_EVENT_TYPE);
    assertThat(reason(record(0, null, "{}"))).isEqualTo(DeadLetter.UNKNOWN_EVENT_TYPE);
    assertThat(
            reason(
                record(0, "report-filed", ContractSamples.reportFiled().put("schemaVersion", 2))))
        .isEqualTo(DeadLetter.UNKNOWN_SCHEMA_VERSION);
    assertThat(
            reason(
                record(0, "report-filed", ContractSamples.reportFiled().put("note", "a\u0000b"))))
        .isEqualTo(DeadLetter.INVALID);
    assertThat(reason(record(0, "report-filed", ContractSamples.reportFiled().put("quantity", 0))))
        .isEqualTo(DeadLetter.INVALID);

    // The contract's numbers and texts are JSON's: nothing is turned into what it is not.
    for (ObjectNode coerced :
        List.of(
            ContractSamples.reportFiled().put("quantity", 5.7),
            ContractSamples.reportFiled().put("quantity", 5.0),
            ContractSamples.reportFiled().put("quantity", "5"),
            ContractSamples.reportFiled().put("beneficiaries", "3"),
            ContractSamples.reportFiled().put("schemaVersion", "1"),
            ContractSamples.reportFiled().put("officeId", 330402),
            ContractSamples.reportFiled().put("program", true))) {
      assertThat(reason(record(0, "report-filed", coerced)))
          .as(coerced.toString())
          .isEqualTo(DeadLetter.UNPARSEABLE);
    }

    ObjectNode noRegion = ContractSamples.reportFiled().put("regionCode", "339999");
    DeadLetter letter = (DeadLetter) PARSER.parse(record(7, "report-filed", noRegion));
    assertThat(letter.reportId()).hasToString(noRegion.get("reportId").asText());
    assertThat(letter.detail()).contains("regionCode");
    assertThat(new String(letter.record().value(), StandardCharsets.UTF_8))
        .isEqualTo(noRegion.toString());
    assertThat(letter.record().offset()).isEqualTo(7);
    assertThat(letter.record().headers())
        .extracting(RecordCopy.Header::name)
        .containsExactly("shishi-event-type");
  }

  @Test
  void keepsEveryRecordInOrderWithItsPosition() {
    EventBatch batch =
        PARSER.parse(
            "task-reports",
            List.of(
                record(10, "report-filed", ContractSamples.reportFiled()),
                record(11, "report-filed", "{broken"),
                record(12, "report-withdrawn", ContractSamples.reportWithdrawn())));
    assertThat(batch.items()).extracting(i -> i.position().offset()).containsExactly(10L, 11L, 12L);
    assertThat(batch.lastOffsets()).containsEntry(3, 12L);
  }

  private static String reason(ConsumerRecord<byte[], byte[]> record) {
    return ((DeadLetter) PARSER.parse(record)).reason();
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset, String type, ObjectNode value) {
    return record(offset, type, value.toString());
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset, String type, String value) {
    RecordHeaders headers = new RecordHeaders();
    if (type != null) {
      headers.add("shishi-event-type", type.getBytes(StandardCharsets.UTF_8));
    }
    return new ConsumerRecord<>(
        "task-reports",
        3,
        offset,
        1_700_000_000_000L,
        TimestampType.CREATE_TIME,
        2,
        value == null ? -1 : value.length(),
        "33".getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8),
        headers,
        Optional.empty());
  }
}
