package cn.shishi.aggregator.apply;

import cn.shishi.contract.EventConstraints;
import cn.shishi.contract.EventHeaders;
import cn.shishi.contract.EventTimestamps;
import cn.shishi.contract.EventTypes;
import cn.shishi.contract.JsonTypes;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportWithdrawn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Understands a poll's records as reports, withdrawals and dead letters. Nothing a producer can put
 * in the topic makes it throw: a record it cannot use, or one the database could not store ({@link
 * EventConstraints}), becomes a dead letter with the reason and a whole copy of the record.
 */
public final class EventParser {
  private final ObjectReader filedReader;
  private final ObjectReader withdrawnReader;
  private final EventConstraints constraints;

  public EventParser(ObjectMapper json, EventConstraints constraints) {
    ObjectMapper lenient =
        json.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .registerModule(EventTimestamps.module());
    // A record of other JSON types than the contract's is set aside, never counted as converted.
    JsonTypes.exact(lenient);
    this.filedReader = lenient.readerFor(ReportFiled.class);
    this.withdrawnReader = lenient.readerFor(ReportWithdrawn.class);
    this.constraints = constraints;
  }

  public EventBatch parse(String topic, Iterable<ConsumerRecord<byte[], byte[]>> records) {
    List<BatchItem> items = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      items.add(parse(record));
    }
    return new EventBatch(topic, items);
  }

  /** One record as a report, a withdrawal or a dead letter. */
  public BatchItem parse(ConsumerRecord<byte[], byte[]> record) {
    RecordPosition position = new RecordPosition(record.partition(), record.offset());
    try {
      String type = EventHeaders.text(record.headers(), EventHeaders.TYPE);
      if (EventTypes.REPORT_FILED.equals(type)) {
        return filed(record, position);
      }
      if (EventTypes.REPORT_WITHDRAWN.equals(type)) {
        return withdrawn(record, position);
      }
      throw new Rejected(DeadLetter.UNKNOWN_EVENT_TYPE, "event type header: " + type, null);
    } catch (Rejected rejected) {
      return new DeadLetter(
          position, rejected.reason, rejected.getMessage(), rejected.reportId, copy(record));
    }
  }

  private FiledReport filed(ConsumerRecord<byte[], byte[]> record, RecordPosition position) {
    ReportFiled event = read(filedReader, record);
    check(event.schemaVersion(), constraints.violation(event), event.reportId());
    return new FiledReport(
        event.reportId(),
        event.officeId(),
        event.regionCode(),
        event.program(),
        event.taskType(),
        event.quantity(),
        event.beneficiaries(),
        micros(event.completedAt()),
        event.note(),
        micros(event.receivedAt()),
        position,
        record.value(),
        event.filedBy());
  }

  private Withdrawal withdrawn(ConsumerRecord<byte[], byte[]> record, RecordPosition position) {
    ReportWithdrawn event = read(withdrawnReader, record);
    check(event.schemaVersion(), constraints.violation(event), event.reportId());
    return new Withdrawal(
        event.reportId(),
        event.officeId(),
        event.reason(),
        micros(event.receivedAt()),
        position,
        event.filedBy(),
        Boolean.TRUE.equals(event.byAdmin()));
  }

  /**
   * PostgreSQL keeps microseconds, rounding finer input: cut here, the ledger row, its hash-chain
   * content and the comparison of a duplicate with its original all see the same instant.
   */
  private static OffsetDateTime micros(OffsetDateTime time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant micros(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
  }

  private static void check(Integer version, Optional<String> violation, UUID reportId) {
    if (!EventConstraints.isCurrentVersion(version)) {
      throw new Rejected(DeadLetter.UNKNOWN_SCHEMA_VERSION, "schemaVersion " + version, reportId);
    }
    if (violation.isPresent()) {
      throw new Rejected(DeadLetter.INVALID, violation.get(), reportId);
    }
  }

  private static <T> T read(ObjectReader reader, ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null || record.value().length == 0) {
      throw new Rejected(DeadLetter.UNPARSEABLE, "empty record", null);
    }
    try {
      return reader.readValue(record.value());
    } catch (JsonProcessingException e) {
      throw new Rejected(DeadLetter.UNPARSEABLE, e.getOriginalMessage(), null);
    } catch (IOException | RuntimeException e) {
      // Jackson reports a few malformed inputs (numbers out of range, bad dates) as runtime errors.
      throw new Rejected(DeadLetter.UNPARSEABLE, e.getMessage(), null);
    }
  }

  /** The record whole: what a dead letter keeps. */
  public static RecordCopy copy(ConsumerRecord<byte[], byte[]> record) {
    List<RecordCopy.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new RecordCopy.Header(header.key(), header.value()));
    }
    return new RecordCopy(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        record.value(),
        List.copyOf(headers),
        record.timestamp() < 0 ? null : record.timestamp());
  }

  /** Control flow for one record that cannot be used; never escapes {@link #parse}. */
  private static final class Rejected extends RuntimeException {
    private final String reason;
    private final UUID reportId;

    Rejected(String reason, String detail, UUID reportId) {
      super(detail, null, false, false);
      this.reason = reason;
      this.reportId = reportId;
    }
  }
}
