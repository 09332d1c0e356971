package cn.shishi.contract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes a {@link ReportFiled} as JSON: the bytes Jackson's record serializer gives through {@link
 * EventTimestamps#writer} (the record's field order, nulls written, timestamps as RFC 3339),
 * written field by field. A measured hot path (docs/benchmarks.md, B1, 2026-12-04): the record
 * serializer reached each field through reflection and a property writer; this writer takes about a
 * fifth less time.
 *
 * <p>It reads no mapper configuration: it matches the ingest's mapper as long as that writes nulls,
 * keeps the records' field names and writes dates as text (Quarkus's defaults). The ingest's {@code
 * ReportResourceTest} compares the two.
 */
public final class ReportFiledJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Enough for most reports (about 320 bytes); the builder grows for a long note. */
  private static final int FIRST_BLOCK = 512;

  // The field names, encoded once.
  private static final SerializableString SCHEMA_VERSION = name("schemaVersion");
  private static final SerializableString REPORT_ID = name("reportId");
  private static final SerializableString OFFICE_ID = name("officeId");
  private static final SerializableString REGION_CODE = name("regionCode");
  private static final SerializableString PROGRAM = name("program");
  private static final SerializableString TASK_TYPE = name("taskType");
  private static final SerializableString QUANTITY = name("quantity");
  private static final SerializableString BENEFICIARIES = name("beneficiaries");
  private static final SerializableString COMPLETED_AT = name("completedAt");
  private static final SerializableString NOTE = name("note");
  private static final SerializableString RECEIVED_AT = name("receivedAt");
  private static final SerializableString FILED_BY = name("filedBy");

  /**
   * The receive time last written, with its text: the reports of a batch share one, and writing it
   * again for each was 2 % of the ingest's CPU under B1. Immutable, so threads may race to replace
   * it.
   */
  private static volatile Stamp lastReceivedAt = stamp(Instant.EPOCH);

  private record Stamp(Instant instant, String text) {}

  private ReportFiledJson() {}

  /** The event's JSON, UTF-8. */
  public static byte[] write(ReportFiled event) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(FIRST_BLOCK);
    try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      number(json, SCHEMA_VERSION, event.schemaVersion());
      text(json, REPORT_ID, event.reportId() == null ? null : event.reportId().toString());
      text(json, OFFICE_ID, event.officeId());
      text(json, REGION_CODE, event.regionCode());
      text(json, PROGRAM, event.program());
      text(json, TASK_TYPE, event.taskType());
      number(json, QUANTITY, event.quantity());
      number(json, BENEFICIARIES, event.beneficiaries());
      text(
          json,
          COMPLETED_AT,
          event.completedAt() == null ? null : IsoTimestamps.of(event.completedAt()));
      text(json, NOTE, event.note());
      text(json, RECEIVED_AT, event.receivedAt() == null ? null : receivedAt(event.receivedAt()));
      text(json, FILED_BY, event.filedBy());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a report-filed event", e);
    }
    return bytes.toByteArray();
  }

  private static String receivedAt(Instant instant) {
    Stamp last = lastReceivedAt;
    if (!last.instant().equals(instant)) {
      last = stamp(instant);
      lastReceivedAt = last;
    }
    return last.text();
  }

  private static Stamp stamp(Instant instant) {
    return new Stamp(instant, IsoTimestamps.of(instant));
  }

  private static SerializableString name(String name) {
    return new SerializedString(name);
  }

  private static void text(JsonGenerator json, SerializableString name, String value)
      throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value);
    }
  }

  private static void number(JsonGenerator json, SerializableString name, Integer value)
      throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value.intValue());
    }
  }
}
