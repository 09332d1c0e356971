package cn.shishi.aggregator.messaging;

import cn.shishi.aggregator.persistence.OffsetRepository;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * On every assignment, moves the consumer to the offsets stored in PostgreSQL with the rollups, not
 * to Kafka's committed offsets: the database is the record of what has been applied. When the
 * database cannot be read, it starts from the beginning, which is slow but never wrong: the batch
 * transaction skips whatever was applied before.
 */
@ApplicationScoped
@Identifier("stored-offsets")
public class StoredOffsetSeeker implements KafkaConsumerRebalanceListener {
  private static final Logger LOG = Logger.getLogger(StoredOffsetSeeker.class);

  private final OffsetRepository offsets;

  public StoredOffsetSeeker(OffsetRepository offsets) {
    this.offsets = offsets;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    String topic = partitions.iterator().next().topic();
    Map<Integer, Long> stored;
    try {
      stored = offsets.read(topic);
    } catch (RuntimeException e) {
      LOG.warnf("cannot read stored offsets (%s); replaying %s from the beginning", e, partitions);
      consumer.seekToBeginning(partitions);
      return;
    }
    for (TopicPartition partition : partitions) {
      Long next = stored.get(partition.partition());
      if (next == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, next);
      }
    }
    LOG.infof("assigned %s; resuming at stored offsets %s", partitions, stored);
  }
}
