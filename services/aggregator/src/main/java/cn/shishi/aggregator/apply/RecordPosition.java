package cn.shishi.aggregator.apply;

/** Where a record sits in the topic. */
public record RecordPosition(int partition, long offset) {}
