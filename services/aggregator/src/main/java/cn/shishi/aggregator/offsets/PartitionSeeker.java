package cn.shishi.aggregator.offsets;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Moves the {@code task-reports} consumer of this instance back to where a partition's records must
 * be read from, on Kafka's polling thread (the consumer is not thread-safe). A partition no longer
 * assigned here is left alone: its new owner seeks to the stored offset itself.
 */
@ApplicationScoped
public class PartitionSeeker {
  static final String CHANNEL = "task-reports";
  private static final Logger LOG = Logger.getLogger(PartitionSeeker.class);

  private final KafkaClientService clients;

  public PartitionSeeker(KafkaClientService clients) {
    this.clients = clients;
  }

  /** Seeks each partition of {@code topic} to its offset in {@code positions}, if still ours. */
  public void seek(String topic, Map<Integer, Long> positions) {
    if (positions.isEmpty()) {
      return;
    }
    KafkaConsumer<Object, Object> consumer = clients.getConsumer(CHANNEL);
    if (consumer == null) {
      return;
    }
    java.util.function.Consumer<Consumer<Object, Object>> seek =
        c ->
            positions.forEach(
                (partition, offset) -> {
                  TopicPartition tp = new TopicPartition(topic, partition);
                  if (c.assignment().contains(tp)) {
                    c.seek(tp, offset);
                    LOG.infof("partition %d: reading again from offset %d", partition, offset);
                  }
                });
    consumer
        .runOnPollingThread(seek)
        .subscribe()
        .with(done -> {}, failure -> LOG.warnf("could not seek: %s", failure.toString()));
  }
}
