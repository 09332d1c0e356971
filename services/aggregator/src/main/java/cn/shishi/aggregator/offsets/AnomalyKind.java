package cn.shishi.aggregator.offsets;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the stored offsets no longer describe the topic's log. Each one means records that would be
 * dropped or skipped without a word if the consumer went on.
 */
public enum AnomalyKind {
  /** The topic was deleted and created again (a new topic id): its offsets count from 0 anew. */
  TOPIC_REPLACED("topic-replaced"),
  /** The stored offset lies past the log's end: the topic was truncated or restored from backup. */
  AHEAD_OF_LOG("ahead-of-log"),
  /** The log starts past the stored offset: records were deleted before they were applied. */
  RECORDS_LOST("records-lost");

  private final String code;

  AnomalyKind(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public static AnomalyKind ofCode(String code) {
    for (AnomalyKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no anomaly kind " + code);
  }
}
