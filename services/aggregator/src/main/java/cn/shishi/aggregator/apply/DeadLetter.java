package cn.shishi.aggregator.domain;

import java.util.UUID;

/**
 * A record that cannot be applied, and why; it goes to the dead-letter topic. {@code reportId} is
 * null when the record could not be read far enough to know it.
 */
public record DeadLetter(RecordPosition position, String reason, String detail, UUID reportId) {
  public static final String UNPARSEABLE = "unparseable";
  public static final String UNKNOWN_SCHEMA_VERSION = "unknown-schema-version";
  public static final String UNKNOWN_EVENT_TYPE = "unknown-event-type";
  public static final String INVALID = "invalid";
}
