package cn.shishi.infra;

import cn.shishi.contract.EventHeaders;
import cn.shishi.contract.partition.AssignmentPartitioner;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes records straight into a topic, for tests: anything a producer could ever write. */
public final class TopicWriter implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  public TopicWriter(String bootstrapServers, String topic) {
    this(bootstrapServers, topic, Map.of());
  }

  /**
   * A writer whose records stay in the producer until {@link #flush}: what is sent to one partition
   * between two flushes reaches the broker as one batch, which a consumer reads in one poll.
   */
  public static TopicWriter holdingUntilFlush(String bootstrapServers, String topic) {
    // A minute, inside the producer's default delivery timeout of two with its request timeout.
    return new TopicWriter(
        bootstrapServers, topic, Map.of(ProducerConfig.LINGER_MS_CONFIG, "60000"));
  }

  private TopicWriter(String bootstrapServers, String topic, Map<String, String> overrides) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    // Keys go where the services' producers send them (docs/adr/0012).
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, AssignmentPartitioner.class.getName());
    props.putAll(overrides);
    this.producer = new KafkaProducer<>(props);
    this.topic = topic;
  }

  /** Writes one record with an event-type header (none if {@code type} is null) and waits. */
  public RecordMetadata write(String key, String type, String value) {
    return await(send(key, type, value));
  }

  /** Writes one record exactly as given, bytes and headers, and waits. */
  public RecordMetadata writeRaw(byte[] key, Headers headers, byte[] value) {
    return await(producer.send(new ProducerRecord<>(topic, null, key, value, headers)));
  }

  private RecordMetadata await(Future<RecordMetadata> send) {
    try {
      return send.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not write to " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing to " + topic, e);
    }
  }

  /** Sends one record without waiting; {@link #flush} waits for everything sent. */
  public Future<RecordMetadata> send(String key, String type, String value) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8(key), utf8(value));
    if (type != null) {
      record.headers().add(EventHeaders.TYPE, utf8(type));
    }
    return producer.send(record);
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
