package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.offsets.HeldPartitions;
import cn.shishi.aggregator.offsets.PartitionSeeker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * After each commit, puts the consumer where the batch said it must be: back to the stored offset
 * of a partition it read past, and marked for a read-again on the partitions found held.
 */
@ApplicationScoped
public class ConsumerPositions {
  private final PartitionSeeker seeker;
  private final HeldPartitions held;
  private final AggregatorConfig config;

  public ConsumerPositions(PartitionSeeker seeker, HeldPartitions held, AggregatorConfig config) {
    this.seeker = seeker;
    this.held = held;
    this.config = config;
  }

  void onCommit(@Observes BatchOutcome outcome) {
    held.hold(outcome.heldPartitions());
    seeker.seek(config.topic(), outcome.reseek());
  }
}
