package cn.shishi.aggregator.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A dead letter as PostgreSQL keeps it: the record whole, why, and what became of it. */
public record StoredDeadLetter(
    long id,
    String topic,
    int partition,
    long offset,
    String reason,
    String detail,
    UUID reportId,
    Instant firstSeen,
    byte[] key,
    byte[] payload,
    List<Header> headers,
    Long timestamp,
    Long redrivenFrom,
    State state,
    Instant resolvedAt,
    String resolvedBy,
    String resolution,
    Instant publishedAt,
    int publishAttempts,
    String publishError) {

  /** What became of a dead letter. */
  public enum State {
    /** Waiting for a decision. */
    OPEN,
    /** Sent back through {@code task-reports}, as it was or corrected. */
    REDRIVEN,
    /** Kept, but deliberately never to be applied. */
    DISCARDED
  }

  /** One header of the record, name and value as bytes. */
  public record Header(byte[] name, byte[] value) {}
}
