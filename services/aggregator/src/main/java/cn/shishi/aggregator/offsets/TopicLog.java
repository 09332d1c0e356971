package cn.shishi.aggregator.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Asks the broker where each partition of a topic ends: what reconciliation and lag compare to. */
@ApplicationScoped
public class KafkaEndOffsets {
  private final Admin admin;

  public KafkaEndOffsets(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
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

  /** The end offset (the next offset to be written) of every partition of {@code topic}. */
  public Map<Integer, Long> of(String topic) {
    try {
      TopicDescription description =
          admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
      Map<TopicPartition, OffsetSpec> request =
          description.partitions().stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
          .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading end offsets", e);
    }
  }

  @PreDestroy
  void close() {
    admin.close();
  }
}
