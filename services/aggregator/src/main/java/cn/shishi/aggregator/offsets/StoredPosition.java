package cn.shishi.aggregator.offsets;

import java.util.UUID;

/**
 * What PostgreSQL holds of a partition: the next offset to apply, and the id of the topic whose log
 * those offsets count in (null until first checked against Kafka).
 */
public record StoredPosition(long next, UUID topicId) {}
