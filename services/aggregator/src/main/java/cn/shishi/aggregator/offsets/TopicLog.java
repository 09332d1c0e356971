package cn.shishi.aggregator.offsets;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What Kafka holds of a topic: its id (a topic deleted and created again has a new one), and where
 * each partition's log starts (retention deletes from there) and ends. What stored offsets are held
 * against.
 */
@ApplicationScoped
public class TopicLog {
  private final Admin admin;

  public TopicLog(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    Map<String, Object> config =
        kafkaConfig.entrySet().stream()
            .filter(
                entry ->
                    entry.getKey().equals("bootstrap.servers")
                        || entry.getKey().startsWith("security.")
                        || entry.getKey().startsWith("sasl.")
                        || entry.getKey().startsWith("ssl."))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    config.put("request.timeout.ms", 5000);
    config.put("default.api.timeout.ms", 10000);
    this.admin = Admin.create(config);
  }

  /** The topic's id and every partition's log range, read now. */
  public LogSnapshot snapshot(String topic) {
    TopicDescription description = describe(topic);
    Map<TopicPartition, OffsetSpec> partitions =
        description.partitions().stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.earliest()));
    Map<Integer, Long> starts = offsets(partitions);
    partitions.replaceAll((partition, spec) -> OffsetSpec.latest());
    Map<Integer, Long> ends = offsets(partitions);
    Map<Integer, LogSnapshot.Range> ranges = new TreeMap<>();
    starts.forEach((p, start) -> ranges.put(p, new LogSnapshot.Range(start, ends.get(p))));
    return new LogSnapshot(toUuid(description.topicId()), ranges);
  }

  /** The topic's id now. */
  public UUID topicId(String topic) {
    return toUuid(describe(topic).topicId());
  }

  /** Where the partition's log starts now: the records before it were deleted. */
  public long logStart(String topic, int partition) {
    return offsets(Map.of(new TopicPartition(topic, partition), OffsetSpec.earliest()))
        .get(partition);
  }

  private TopicDescription describe(String topic) {
    return await(admin.describeTopics(Set.of(topic)).allTopicNames()).get(topic);
  }

  private Map<Integer, Long> offsets(Map<TopicPartition, OffsetSpec> request) {
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
        await(admin.listOffsets(request).all());
    Map<Integer, Long> offsets = new TreeMap<>();
    answer.forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
    return offsets;
  }

  private static UUID toUuid(org.apache.kafka.common.Uuid id) {
    return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not describe the topic: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted asking Kafka about a topic", e);
    }
  }

  @PreDestroy
  void close() {
    admin.close();
  }
}
