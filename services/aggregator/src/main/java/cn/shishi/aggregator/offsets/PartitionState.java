package cn.shishi.aggregator.offsets;

import java.util.UUID;

/**
 * A partition as a batch transaction sees it, its row locked: where to go on, in which topic's log,
 * whether an open anomaly holds it (then nothing of it is applied), and its ledger chain as it
 * stands: its head (null before the first block) and how many blocks it has (docs/adr/0011).
 */
public record PartitionState(
    long next, UUID topicId, boolean held, byte[] chainHead, long chainBlocks) {
  /** A partition whose chain has no block yet. */
  public PartitionState(long next, UUID topicId, boolean held) {
    this(next, topicId, held, null, 0);
  }
}
