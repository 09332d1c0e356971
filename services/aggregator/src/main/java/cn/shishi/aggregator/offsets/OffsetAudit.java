package cn.shishi.aggregator.offsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds stored offsets against the topic's log, partition by partition. Pure: the inputs are read
 * by the caller, so that the rules are tested without Kafka or PostgreSQL.
 *
 * <p>A partition that never stored an offset counts from 0: if its log no longer starts at 0, the
 * first records were deleted before anyone applied them.
 */
public final class OffsetAudit {
  private OffsetAudit() {}

  /** The anomalies of the partitions in {@code log}, in partition order. */
  public static List<OffsetAnomaly.Finding> check(
      Map<Integer, StoredPosition> stored, LogSnapshot log) {
    List<OffsetAnomaly.Finding> findings = new ArrayList<>();
    log.partitions()
        .forEach(
            (partition, range) ->
                check(partition, stored.get(partition), log.topicId(), range)
                    .ifPresent(findings::add));
    return findings;
  }

  /** The anomaly of one partition, if it has one. */
  public static Optional<OffsetAnomaly.Finding> check(
      int partition, StoredPosition stored, java.util.UUID topicId, LogSnapshot.Range range) {
    long next = stored == null ? 0 : stored.next();
    java.util.UUID storedTopicId = stored == null ? null : stored.topicId();
    AnomalyKind kind = null;
    if (storedTopicId != null && !storedTopicId.equals(topicId)) {
      kind = AnomalyKind.TOPIC_REPLACED;
    } else if (next > range.end()) {
      kind = AnomalyKind.AHEAD_OF_LOG;
    } else if (next < range.start()) {
      kind = AnomalyKind.RECORDS_LOST;
    }
    return Optional.ofNullable(kind)
        .map(
            k ->
                new OffsetAnomaly.Finding(
                    partition, k, next, storedTopicId, range.start(), range.end(), topicId));
  }
}
