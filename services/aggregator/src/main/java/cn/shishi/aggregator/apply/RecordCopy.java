package cn.shishi.aggregator.apply;

import java.util.List;

/**
 * A record exactly as it was read from Kafka, bytes and all: what a dead letter keeps, so that it
 * can be inspected, re-driven or published long after the topic has deleted it. {@code timestamp}
 * is Kafka's, in epoch milliseconds (null when the record has none).
 */
public record RecordCopy(
    String topic,
    int partition,
    long offset,
    byte[] key,
    byte[] value,
    List<Header> headers,
    Long timestamp) {

  /** One record header; its value may be null, as Kafka allows. */
  public record Header(String name, byte[] value) {}
}
