package cn.shishi.aggregator.offsets;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * On every assignment, moves the consumer to the offsets stored in PostgreSQL with the rollups, not
 * to Kafka's committed offsets: the database is the record of what has been applied. The partitions
 * are checked against the topic's log first ({@link OffsetGuard}). When the database or Kafka
 * cannot be asked, it starts from the beginning, which is slow but never wrong: each batch
 * transaction skips what was applied before, and holds a partition that does not fit.
 */
@ApplicationScoped
@Identifier("stored-offsets")
public class StoredOffsetSeeker implements KafkaConsumerRebalanceListener {
  private static final Logger LOG = Logger.getLogger(StoredOffsetSeeker.class);

  private final OffsetGuard guard;

  public StoredOffsetSeeker(OffsetGuard guard) {
    this.guard = guard;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    String topic = partitions.iterator().next().topic();
    Map<Integer, Long> positions;
    try {
      positions =
          guard.onAssigned(topic, partitions.stream().map(TopicPartition::partition).toList());
    } catch (RuntimeException e) {
      LOG.warnf("cannot read stored offsets (%s); replaying %s from the beginning", e, partitions);
      consumer.seekToBeginning(partitions);
      return;
    }
    positions.forEach(
        (partition, next) -> consumer.seek(new TopicPartition(topic, partition), next));
    LOG.infof("assigned %s; resuming at stored offsets %s", partitions, positions);
  }
}
