package cn.shishi.aggregator.domain;

/** Where a record sits in the topic. */
public record RecordPosition(int partition, long offset) {}
