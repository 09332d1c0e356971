package cn.shishi.contract;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The record headers of Shishi's topics (docs/events.md). */
public final class EventHeaders {
  /** What a {@code task-reports} record holds: one of {@link EventTypes}. */
  public static final String TYPE = "shishi-event-type";

  /** On a re-driven record: the id of the dead letter it was re-driven from. */
  public static final String REDRIVE_OF = "shishi-redrive-of";

  /** On a dead-letter copy: why the record could not be applied (a reason code). */
  public static final String DEAD_LETTER_REASON = "shishi-dlq-reason";

  /** On a dead-letter copy: the reason in words. */
  public static final String DEAD_LETTER_DETAIL = "shishi-dlq-detail";

  /** On a dead-letter copy: where the record was read, {@code topic/partition/offset}. */
  public static final String DEAD_LETTER_ORIGIN = "shishi-dlq-origin";

  private EventHeaders() {}

  /** The last value of header {@code name} as UTF-8 text, or null when it is absent. */
  public static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
