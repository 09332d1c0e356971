package cn.shishi.aggregator.apply;

import java.util.UUID;

/**
 * A record that cannot be applied, and why, with the record itself: it is kept in PostgreSQL and
 * copied to the dead-letter topic. {@code reportId} is null when the record could not be read far
 * enough to know it.
 */
public record DeadLetter(
    RecordPosition position, String reason, String detail, UUID reportId, RecordCopy record)
    implements BatchItem {
  public static final String UNPARSEABLE = "unparseable";
  public static final String UNKNOWN_SCHEMA_VERSION = "unknown-schema-version";
  public static final String UNKNOWN_EVENT_TYPE = "unknown-event-type";
  public static final String INVALID = "invalid";

  /** The parser accepted the record, but the database refused it (SQLSTATE class 22, 23 or 54). */
  public static final String REFUSED_BY_DATABASE = "refused-by-database";

  /** Every reason, for counters that start at zero. */
  public static final String[] REASONS = {
    UNPARSEABLE, UNKNOWN_SCHEMA_VERSION, UNKNOWN_EVENT_TYPE, INVALID, REFUSED_BY_DATABASE
  };
}
