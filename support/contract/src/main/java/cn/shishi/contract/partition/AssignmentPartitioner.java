package cn.shishi.contract.partition;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Kafka's partitioner for every producer of {@code task-reports} ({@code partitioner.class}): the
 * key's partition from {@link PartitionAssignment} for the topic's present partition count. A key
 * or a partition count the assignment does not plan (a test's own topic, a record written by hand)
 * is hashed as Kafka's default partitioner hashes it, so that a key still keeps one partition.
 */
public class AssignmentPartitioner implements Partitioner {
  private final PartitionAssignment assignment;
  private final AtomicInteger keyless = new AtomicInteger();

  public AssignmentPartitioner() {
    this(PartitionAssignment.current());
  }

  AssignmentPartitioner(PartitionAssignment assignment) {
    this.assignment = assignment;
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // The assignment is a file of the contract, the same in every producer: nothing to set.
  }

  @Override
  public int partition(
      String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    int partitions = cluster.partitionCountForTopic(topic);
    return partition(keyBytes, partitions);
  }

  int partition(byte[] keyBytes, int partitions) {
    if (keyBytes == null) {
      return Utils.toPositive(keyless.getAndIncrement()) % partitions;
    }
    OptionalInt planned =
        assignment.partition(new String(keyBytes, StandardCharsets.UTF_8), partitions);
    return planned.orElseGet(() -> Utils.toPositive(Utils.murmur2(keyBytes)) % partitions);
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
