package cn.shishi.aggregator.offsets;

import java.util.Map;
import java.util.UUID;

/** A topic as Kafka holds it at one moment: its id and each partition's log range. */
public record LogSnapshot(UUID topicId, Map<Integer, Range> partitions) {

  /** The offsets a partition's log holds: from {@code start} (inclusive) to {@code end}. */
  public record Range(long start, long end) {}
}
