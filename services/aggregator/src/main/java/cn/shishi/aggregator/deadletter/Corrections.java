package cn.shishi.aggregator.deadletter;

import cn.shishi.contract.EventConstraints;
import cn.shishi.contract.EventHeaders;
import cn.shishi.contract.EventTimestamps;
import cn.shishi.contract.EventTypes;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportWithdrawn;
import cn.shishi.contract.partition.PartitionKeys;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.contract.report.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks an admin's corrected payload before it is re-driven: it must be the event the record was
 * meant to be, keep the report and the office it was about, meet the event constraints and pass the
 * rules the ingest applies to every report. A correction can mend a record; it cannot move a report
 * to another office, nor file one for an office the record does not name: a record whose office
 * cannot be read (bytes that are no event) can be re-driven unchanged or discarded, not corrected.
 * Its receive time, the ingest's stamp, stays too.
 */
@ApplicationScoped
public class Corrections {
  private final ObjectMapper json;
  private final EventConstraints constraints;
  private final ReportValidator validator;

  public Corrections(ObjectMapper json, EventConstraints constraints, ReportValidator validator) {
    this.json =
        json.copy()
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .registerModule(EventTimestamps.module());
    this.constraints = constraints;
    this.validator = validator;
  }

  /** The checked event, as the bytes and key to send. */
  public record Corrected(String type, byte[] key, byte[] payload) {}

  /**
   * {@code corrected} (an event as JSON) as it will be sent, or 422 with every problem. Its type is
   * the record's own event type header.
   */
  public Corrected check(StoredDeadLetter letter, String corrected) {
    String type = typeOf(letter);
    List<Violation> problems = new ArrayList<>();
    JsonNode original = originalEvent(letter);
    try {
      if (EventTypes.REPORT_FILED.equals(type)) {
        ReportFiled event = json.readValue(corrected, ReportFiled.class);
        sameIdentity(letter, original, event.reportId(), event.officeId(), problems);
        sameReceipt(original, event.receivedAt(), problems);
        sameStamp(original, "filedBy", event.filedBy(), problems);
        constraints.violation(event).ifPresent(v -> problems.add(constraint(v)));
        problems.addAll(validator.validate(submission(event), "").violations());
        return result(type, key(letter, event.regionCode()), event, problems);
      }
      if (EventTypes.REPORT_WITHDRAWN.equals(type)) {
        ReportWithdrawn event = json.readValue(corrected, ReportWithdrawn.class);
        sameIdentity(letter, original, event.reportId(), event.officeId(), problems);
        sameReceipt(original, event.receivedAt(), problems);
        sameStamp(original, "filedBy", event.filedBy(), problems);
        sameStamp(original, "byAdmin", event.byAdmin(), problems);
        constraints.violation(event).ifPresent(v -> problems.add(constraint(v)));
        return result(type, key(letter, event.officeRegion()), event, problems);
      }
    } catch (JsonProcessingException | RuntimeException e) {
      problems.add(new Violation("", "deadletter.correction.unreadable", String.valueOf(type)));
      throw new DeadLetterProblem.InvalidCorrection(problems);
    }
    problems.add(new Violation("", "deadletter.correction.type", String.valueOf(type)));
    throw new DeadLetterProblem.InvalidCorrection(problems);
  }

  /**
   * The corrected record's key: the dead letter's own, so that the record goes where its producer
   * sent it (since ADR 0012 the ingest's key is the filing office's city; a dead letter of before
   * keeps its province's key, and the partitioner places a province too); for a record that had
   * none, the key of an office of {@code region}.
   */
  private static byte[] key(StoredDeadLetter letter, String region) {
    return letter.key() != null
        ? letter.key()
        : PartitionKeys.ofOffice(region == null ? "" : region).getBytes(StandardCharsets.UTF_8);
  }

  private Corrected result(String type, byte[] key, Object event, List<Violation> problems)
      throws JsonProcessingException {
    if (!problems.isEmpty()) {
      throw new DeadLetterProblem.InvalidCorrection(problems);
    }
    return new Corrected(type, key, json.writeValueAsBytes(event));
  }

  /** The report, office and receive time the record named must stay; it must name an office. */
  private static void sameIdentity(
      StoredDeadLetter letter,
      JsonNode original,
      UUID reportId,
      String officeId,
      List<Violation> problems) {
    JsonNode office = original == null ? null : original.get("officeId");
    if (office == null || !office.isTextual()) {
      problems.add(new Violation("", "deadletter.correction.unidentified"));
      return;
    }
    if (letter.reportId() != null && !letter.reportId().equals(reportId)) {
      problems.add(
          new Violation(
              "/reportId", "deadletter.correction.reportId", letter.reportId().toString()));
    }
    if (!Objects.equals(office.asText(), officeId)) {
      problems.add(new Violation("/officeId", "deadletter.correction.officeId"));
    }
  }

  /**
   * Who filed the record, and whether an admin did, are the ingest's stamps from the token: a
   * correction keeps what the record had, so that it cannot put a report or a withdrawal in another
   * person's name.
   */
  private static void sameStamp(
      JsonNode original, String field, Object corrected, List<Violation> problems) {
    JsonNode stamped = original == null ? null : original.get(field);
    if (stamped == null || stamped.isNull()) {
      return;
    }
    String had = stamped.asText();
    if (!had.equals(corrected == null ? null : corrected.toString())) {
      problems.add(new Violation("/" + field, "deadletter.correction.stamp", had));
    }
  }

  /** The receive time is the ingest's stamp: a correction keeps what the record had. */
  private static void sameReceipt(JsonNode original, Instant receivedAt, List<Violation> problems) {
    JsonNode received = original == null ? null : original.get("receivedAt");
    if (received != null && received.isTextual() && !sameInstant(received.asText(), receivedAt)) {
      problems.add(
          new Violation("/receivedAt", "deadletter.correction.receivedAt", received.asText()));
    }
  }

  private static boolean sameInstant(String text, Instant instant) {
    try {
      return Instant.parse(text).equals(instant);
    } catch (RuntimeException e) {
      // The record's own time could not be read: the correction mends it.
      return true;
    }
  }

  private JsonNode originalEvent(StoredDeadLetter letter) {
    try {
      return json.readTree(letter.payload());
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static String typeOf(StoredDeadLetter letter) {
    String type = null;
    for (StoredDeadLetter.Header header : letter.headers()) {
      if (EventHeaders.TYPE.equals(new String(header.name(), StandardCharsets.UTF_8))
          && header.value() != null) {
        type = new String(header.value(), StandardCharsets.UTF_8);
      }
    }
    return type;
  }

  private static ReportSubmission submission(ReportFiled event) {
    return new ReportSubmission(
        event.reportId(),
        event.regionCode(),
        event.program(),
        event.taskType(),
        event.quantity(),
        event.beneficiaries(),
        event.completedAt(),
        event.note());
  }

  /**
   * What the event's own constraints refuse. Their texts are the contract's, written once in
   * English for the dead letters that operators read, and quoted as they are.
   */
  private static Violation constraint(String detail) {
    return new Violation("", "deadletter.correction.constraint", detail);
  }
}
