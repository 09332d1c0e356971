package cn.shishi.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic directly, for tests: the way an independent auditor of the topic would. */
public final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;

  public TopicReader(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
  }

  /** The total number of records ever written to the topic. */
  public long endOffsetSum() {
    return endOffsets().stream().mapToLong(Long::longValue).sum();
  }

  /** The records ever written to each partition, in partition order. */
  public List<Long> endOffsets() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    return partitions.stream()
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .map(ends::get)
        .toList();
  }

  /** Every record in the topic, from the beginning to the current end, as UTF-8 text. */
  public List<ConsumerRecord<String, String>> readAll() {
    return readAllBytes().stream().map(TopicReader::text).toList();
  }

  /** Every record in the topic, from the beginning to the current end, bytes as written. */
  public List<ConsumerRecord<byte[], byte[]>> readAllBytes() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    consumer.seekToBeginning(partitions);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private static ConsumerRecord<String, String> text(ConsumerRecord<byte[], byte[]> record) {
    return new ConsumerRecord<>(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.timestampType(),
        record.serializedKeySize(),
        record.serializedValueSize(),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
        record.headers(),
        record.leaderEpoch());
  }

  /** The records whose value contains {@code text}. */
  public List<ConsumerRecord<String, String>> find(String text) {
    return readAll().stream()
        .filter(record -> record.value().contains(text))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    consumer.close();
  }
}
