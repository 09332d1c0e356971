package cn.shishi.contract.chain;

import cn.shishi.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every anchor {@code shishi-chain-heads} still holds, from its first record to its end, as a
 * consumer without a group (an auditor's login needs read access to that topic only).
 */
public final class AnchorLog {
  /** What the topic held: the anchors, and how many records were not anchors at all. */
  public record Read(List<ChainAnchor> anchors, int unreadable) {}

  /** Long enough for a month of anchors on a slow link; a broker gone mid-read ends the wait. */
  private static final Duration READ_LIMIT = Duration.ofMinutes(5);

  private AnchorLog() {}

  /** {@code settings}: the consumer's, at least {@code bootstrap.servers}. */
  public static Read read(Map<String, Object> settings) {
    Properties props = new Properties();
    props.putAll(settings);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ChainAnchor> anchors = new ArrayList<>();
    int unreadable = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CHAIN_HEADS, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + READ_LIMIT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + Topics.CHAIN_HEADS + " to its end within " + READ_LIMIT);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          try {
            anchors.add(ChainAnchor.fromJson(record.value()));
          } catch (IllegalArgumentException e) {
            unreadable++;
          }
        }
      }
    }
    return new Read(List.copyOf(anchors), unreadable);
  }
}
