package cn.shishi.aggregator.offsets;

import java.util.UUID;

/**
 * A partition as a batch transaction sees it, its row locked: where to go on, in which topic's log,
 * and whether an open anomaly holds it (then nothing of it is applied).
 */
public record PartitionState(long next, UUID topicId, boolean held) {}
