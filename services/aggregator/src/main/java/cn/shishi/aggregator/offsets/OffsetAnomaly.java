package cn.shishi.aggregator.offsets;

import java.time.Instant;
import java.util.UUID;

/**
 * A partition whose stored offset does not fit its log, as found and, once an admin decided, as
 * resolved: the partition is not consumed from its detection until its resolution.
 */
public record OffsetAnomaly(
    long id,
    String topic,
    int partition,
    AnomalyKind kind,
    long storedOffset,
    UUID storedTopicId,
    long logStart,
    long logEnd,
    UUID topicId,
    Instant detectedAt,
    Resolution resolution) {

  public boolean isOpen() {
    return resolution == null;
  }

  /** What an admin decided: go on in the log as it is now, from {@code adoptedOffset}. */
  public record Resolution(Instant at, String by, long adoptedOffset, String note) {}

  /** What a check found, before it is recorded. */
  public record Finding(
      int partition,
      AnomalyKind kind,
      long storedOffset,
      UUID storedTopicId,
      long logStart,
      long logEnd,
      UUID topicId) {}
}
