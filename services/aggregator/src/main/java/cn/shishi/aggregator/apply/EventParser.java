package cn.shishi.aggregator.messaging;

import cn.shishi.aggregator.domain.DeadLetter;
import cn.shishi.aggregator.domain.EventBatch;
import cn.shishi.aggregator.domain.FiledReport;
import cn.shishi.aggregator.domain.RecordPosition;
import cn.shishi.aggregator.domain.Withdrawal;
import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.Regions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Sorts a poll's records into reports, withdrawals and dead letters. Nothing a producer can put in
 * the topic makes it throw: a record it cannot use becomes a dead letter with the reason.
 */
public final class EventParser {
  private final ObjectReader filedReader;
  private final ObjectReader withdrawnReader;
  private final Regions regions;

  public EventParser(ObjectMapper json, Regions regions) {
    ObjectMapper lenient =
        json.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .registerModule(EventTimestamps.module());
    this.filedReader = lenient.readerFor(ReportEvents.Filed.class);
    this.withdrawnReader = lenient.readerFor(ReportEvents.Withdrawn.class);
    this.regions = regions;
  }

  public EventBatch parse(String topic, Iterable<ConsumerRecord<String, String>> records) {
    List<FiledReport> reports = new ArrayList<>();
    List<Withdrawal> withdrawals = new ArrayList<>();
    List<DeadLetter> deadLetters = new ArrayList<>();
    Map<Integer, Long> lastOffsets = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      RecordPosition position = new RecordPosition(record.partition(), record.offset());
      lastOffsets.merge(record.partition(), record.offset(), Math::max);
      try {
        String type = header(record, ReportEvents.TYPE_HEADER);
        if (ReportEvents.FILED.equals(type)) {
          reports.add(filed(record, position));
        } else if (ReportEvents.WITHDRAWN.equals(type)) {
          withdrawals.add(withdrawn(record, position));
        } else {
          throw new Rejected(DeadLetter.UNKNOWN_EVENT_TYPE, "event type header: " + type);
        }
      } catch (Rejected rejected) {
        deadLetters.add(
            new DeadLetter(position, rejected.reason, rejected.getMessage(), rejected.reportId));
      }
    }
    return new EventBatch(topic, reports, withdrawals, deadLetters, lastOffsets);
  }

  private FiledReport filed(ConsumerRecord<String, String> record, RecordPosition position) {
    ReportEvents.Filed event = read(filedReader, record);
    try {
      return filed(event, record, position);
    } catch (Rejected rejected) {
      throw rejected.about(event.reportId());
    }
  }

  private FiledReport filed(
      ReportEvents.Filed event, ConsumerRecord<String, String> record, RecordPosition position) {
    checkVersion(event.schemaVersion());
    require(event.reportId() != null, "reportId is missing");
    require(notBlank(event.officeId()), "officeId is missing");
    require(
        regions.resolve(event.regionCode()).isPresent(),
        "unknown regionCode " + event.regionCode());
    require(CatalogEntry.isValidCode(event.program()), "invalid program code");
    require(CatalogEntry.isValidCode(event.taskType()), "invalid taskType code");
    require(inRange(event.quantity(), 1, 100_000), "quantity out of range");
    require(inRange(event.beneficiaries(), 0, 10_000_000), "beneficiaries out of range");
    require(event.completedAt() != null, "completedAt is missing");
    require(event.receivedAt() != null, "receivedAt is missing");
    require(event.note() == null || event.note().length() <= 1000, "note too long");
    return new FiledReport(
        event.reportId(),
        event.officeId(),
        event.regionCode(),
        event.program(),
        event.taskType(),
        event.quantity(),
        event.beneficiaries(),
        event.completedAt(),
        event.note(),
        event.receivedAt(),
        position,
        record.value());
  }

  private Withdrawal withdrawn(ConsumerRecord<String, String> record, RecordPosition position) {
    ReportEvents.Withdrawn event = read(withdrawnReader, record);
    try {
      checkVersion(event.schemaVersion());
      require(event.reportId() != null, "reportId is missing");
      require(notBlank(event.officeId()), "officeId is missing");
      require(event.receivedAt() != null, "receivedAt is missing");
    } catch (Rejected rejected) {
      throw rejected.about(event.reportId());
    }
    return new Withdrawal(
        event.reportId(), event.officeId(), event.reason(), event.receivedAt(), position);
  }

  private static <T> T read(ObjectReader reader, ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      throw new Rejected(DeadLetter.UNPARSEABLE, "empty record");
    }
    try {
      return reader.readValue(record.value());
    } catch (JsonProcessingException e) {
      throw new Rejected(DeadLetter.UNPARSEABLE, e.getOriginalMessage());
    } catch (IOException e) {
      throw new Rejected(DeadLetter.UNPARSEABLE, e.getMessage());
    }
  }

  private static void checkVersion(Integer version) {
    if (version == null || version != ReportEvents.SCHEMA_VERSION) {
      throw new Rejected(DeadLetter.UNKNOWN_SCHEMA_VERSION, "schemaVersion " + version);
    }
  }

  private static void require(boolean condition, String detail) {
    if (!condition) {
      throw new Rejected(DeadLetter.INVALID, detail);
    }
  }

  private static boolean inRange(Integer value, int min, int max) {
    return value != null && value >= min && value <= max;
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank() && value.length() <= 128;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Control flow for one record that cannot be used; never escapes {@link #parse}. */
  private static final class Rejected extends RuntimeException {
    private final String reason;
    private UUID reportId;

    Rejected(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    Rejected about(UUID id) {
      this.reportId = id;
      return this;
    }
  }
}
