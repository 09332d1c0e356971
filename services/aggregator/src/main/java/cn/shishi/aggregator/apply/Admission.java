package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.offsets.AnomalyKind;
import cn.shishi.aggregator.offsets.PartitionState;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Which of a partition's records a batch transaction may apply, decided under the partition's
 * locked offset row. Records are applied only in one unbroken run from the stored offset: anything
 * else would skip records without a word.
 *
 * <ul>
 *   <li>A held partition (an open offset anomaly) applies nothing.
 *   <li>Records below the stored offset were applied before (a rebalance, a frozen instance): they
 *       are skipped, unless the topic is no longer the one the offsets count in.
 *   <li>A first record past the stored offset is a gap: if the log now starts past the stored
 *       offset, records were deleted before they were applied (an anomaly); if not, the consumer
 *       read ahead (records it read before a seek) and goes back to the stored offset.
 * </ul>
 *
 * Pure: Kafka is asked (through the suppliers) only in the rare cases that need it. {@code
 * task-reports} is written without transactions, so its offsets have no gaps of their own.
 */
public sealed interface Admission {

  /** Apply {@code fresh} (in order) and store {@code next}; {@code stale} were applied before. */
  record Apply(List<BatchItem> fresh, int stale, long next) implements Admission {}

  /**
   * Apply none of the {@code records}: the partition is held, by a new anomaly if {@code found}.
   */
  record Hold(int records, AnomalyKind found) implements Admission {}

  /** Apply none of the {@code records}; the consumer goes back to {@code offset}. */
  record Reseek(int records, long offset) implements Admission {}

  /**
   * The decision for {@code items}, one partition's records in offset order, given its {@code
   * state}, the log's start and the topic's current id.
   */
  static Admission decide(
      PartitionState state,
      List<BatchItem> items,
      LongSupplier logStart,
      Supplier<UUID> currentTopicId) {
    if (state.held()) {
      return new Hold(items.size(), null);
    }
    int stale = 0;
    while (stale < items.size() && items.get(stale).position().offset() < state.next()) {
      stale++;
    }
    if (stale > 0 && state.topicId() != null && !state.topicId().equals(currentTopicId.get())) {
      return new Hold(items.size(), AnomalyKind.TOPIC_REPLACED);
    }
    List<BatchItem> fresh = items.subList(stale, items.size());
    if (fresh.isEmpty()) {
      return new Apply(List.of(), stale, state.next());
    }
    long first = fresh.get(0).position().offset();
    if (first > state.next()) {
      return logStart.getAsLong() > state.next()
          ? new Hold(items.size(), AnomalyKind.RECORDS_LOST)
          : new Reseek(items.size(), state.next());
    }
    return new Apply(fresh, stale, fresh.get(fresh.size() - 1).position().offset() + 1);
  }
}
