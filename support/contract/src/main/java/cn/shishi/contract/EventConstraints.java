package cn.shishi.contract;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.Regions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What an event must be for the aggregator to store it: the database's own limits (column sizes,
 * ranges, text PostgreSQL accepts) and the contract's (a known region, catalogue codes, a plausible
 * time). The ingest refuses what breaks them before it answers 202; the aggregator checks every
 * record against them again, because anyone who can write to the topic can write anything, and
 * dead-letters what fails rather than let the database refuse it in a batch.
 */
public final class EventConstraints {
  /** {@code varchar(128)}: an office's id, or a person's, from a token. */
  public static final int MAX_OFFICE_ID_LENGTH = 128;

  /** A note, in code points after NFC. */
  public static final int MAX_NOTE_LENGTH = 500;

  /** A withdrawal's reason, in code points after NFC. */
  public static final int MAX_REASON_LENGTH = 500;

  public static final int MIN_QUANTITY = 1;
  public static final int MAX_QUANTITY = 100_000;
  public static final int MAX_BENEFICIARIES = 10_000_000;

  /**
   * The envelope every timestamp of an event lies in. The ingest's own rules are narrower (not
   * before the campaign's start, not ahead of its clock); this bound only keeps out years that no
   * configuration would accept (0001, 9999), whatever reaches the topic.
   */
  public static final Instant EARLIEST =
      OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

  public static final Instant LATEST =
      OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

  private final Regions regions;

  public EventConstraints(Regions regions) {
    this.regions = regions;
  }

  // The details are built once: every record of the topic passes through these checks.
  private static final String OFFICE_ID =
      "officeId is missing, longer than " + MAX_OFFICE_ID_LENGTH + " characters or not plain text";
  private static final String QUANTITY =
      "quantity is missing or outside " + MIN_QUANTITY + ".." + MAX_QUANTITY;
  private static final String BENEFICIARIES =
      "beneficiaries is missing or outside 0.." + MAX_BENEFICIARIES;
  private static final String COMPLETED_AT =
      "completedAt is missing or outside the years 2000 to 2099";
  private static final String RECEIVED_AT =
      "receivedAt is missing or outside the years 2000 to 2099";
  private static final String FILED_BY =
      "filedBy is longer than " + MAX_OFFICE_ID_LENGTH + " characters or not plain text";
  private static final String NOTE =
      "note is longer than " + MAX_NOTE_LENGTH + " characters or not plain text";
  private static final String REASON =
      "reason is missing, longer than " + MAX_REASON_LENGTH + " characters or not plain text";

  /** What is wrong with {@code event}, the first thing found; empty when it can be stored. */
  public Optional<String> violation(ReportFiled event) {
    if (!isCurrentVersion(event.schemaVersion())) {
      return Optional.of(versionDetail(event.schemaVersion()));
    }
    String detail = null;
    if (event.reportId() == null) {
      detail = "reportId is missing";
    } else if (!isValidOfficeId(event.officeId())) {
      detail = OFFICE_ID;
    } else if (event.regionCode() == null || regions.resolve(event.regionCode()).isEmpty()) {
      detail = "regionCode is not a known 6-digit region";
    } else if (!CatalogEntry.isValidCode(event.program())) {
      detail = "program is not a catalogue code";
    } else if (!CatalogEntry.isValidCode(event.taskType())) {
      detail = "taskType is not a catalogue code";
    } else if (!inRange(event.quantity(), MIN_QUANTITY, MAX_QUANTITY)) {
      detail = QUANTITY;
    } else if (!inRange(event.beneficiaries(), 0, MAX_BENEFICIARIES)) {
      detail = BENEFICIARIES;
    } else if (event.completedAt() == null || !inEnvelope(event.completedAt().toInstant())) {
      detail = COMPLETED_AT;
    } else if (!inEnvelope(event.receivedAt())) {
      detail = RECEIVED_AT;
    } else if (event.note() != null && !isValidText(event.note(), MAX_NOTE_LENGTH)) {
      detail = NOTE;
    } else if (event.filedBy() != null && !isValidOfficeId(event.filedBy())) {
      detail = FILED_BY;
    }
    return Optional.ofNullable(detail);
  }

  /** What is wrong with {@code event}, the first thing found; empty when it can be stored. */
  public Optional<String> violation(ReportWithdrawn event) {
    if (!isCurrentVersion(event.schemaVersion())) {
      return Optional.of(versionDetail(event.schemaVersion()));
    }
    String detail = null;
    if (event.reportId() == null) {
      detail = "reportId is missing";
    } else if (!isValidOfficeId(event.officeId())) {
      detail = OFFICE_ID;
    } else if (event.officeRegion() == null
        || !event.officeRegion().matches("\\d{2}|\\d{4}|\\d{6}")) {
      detail = "officeRegion is not a 2-, 4- or 6-digit region code";
    } else if (!inEnvelope(event.receivedAt())) {
      detail = RECEIVED_AT;
    } else if (event.reason() == null
        || event.reason().isBlank()
        || !isValidText(event.reason(), MAX_REASON_LENGTH)) {
      detail = REASON;
    } else if (event.filedBy() != null && !isValidOfficeId(event.filedBy())) {
      detail = FILED_BY;
    }
    return Optional.ofNullable(detail);
  }

  /** Whether the reader knows this schema version. */
  public static boolean isCurrentVersion(Integer version) {
    return version != null && version == EventTypes.SCHEMA_VERSION;
  }

  private static String versionDetail(Integer version) {
    return "schemaVersion " + version + " is not " + EventTypes.SCHEMA_VERSION;
  }

  /** Whether an office id (a token's subject) can be stored: see {@link #MAX_OFFICE_ID_LENGTH}. */
  public static boolean isValidOfficeId(String officeId) {
    return officeId != null
        && !officeId.isBlank()
        && PlainText.length(officeId) <= MAX_OFFICE_ID_LENGTH
        && PlainText.isPlainLine(officeId);
  }

  /** Whether free text of at most {@code max} code points can be stored. */
  public static boolean isValidText(String text, int max) {
    return PlainText.length(text) <= max && PlainText.isPlainText(text);
  }

  private static boolean inEnvelope(Instant value) {
    return value != null && !value.isBefore(EARLIEST) && value.isBefore(LATEST);
  }

  private static boolean inRange(Integer value, int min, int max) {
    return value != null && value >= min && value <= max;
  }
}
