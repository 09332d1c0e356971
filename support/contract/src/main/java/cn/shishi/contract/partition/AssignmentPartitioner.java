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

  /**
   * The partition count last read, with the metadata snapshot it was read from: a {@link Cluster}
   * never changes, and the producer hands a new one to every record after an update. Reading the
   * count from the snapshot for each record was 3 % of the ingest's CPU under B1.
   */
  private volatile PartitionCount lastCount;

  private record PartitionCount(Cluster cluster, String topic, int partitions) {}

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
    // Producers with String keys (the ingest, the bench) serialise them with a StringSerializer
    // instance, always UTF-8, so such a key is the text of its bytes: decoding them again cost
    // 1.4 % of the ingest's CPU. Byte-array keys (redrives, TopicWriter) are decoded.
    String text = key instanceof String given ? given : null;
    return partition(text, keyBytes, partitionCount(topic, cluster));
  }

  int partition(byte[] keyBytes, int partitions) {
    return partition(null, keyBytes, partitions);
  }

  private int partition(String keyText, byte[] keyBytes, int partitions) {
    if (keyBytes == null) {
      return Utils.toPositive(keyless.getAndIncrement()) % partitions;
    }
    String text = keyText != null ? keyText : new String(keyBytes, StandardCharsets.UTF_8);
    OptionalInt planned = assignment.partition(text, partitions);
    return planned.orElseGet(() -> Utils.toPositive(Utils.murmur2(keyBytes)) % partitions);
  }

  private int partitionCount(String topic, Cluster cluster) {
    PartitionCount last = lastCount;
    if (last == null || last.cluster() != cluster || !last.topic().equals(topic)) {
      last = new PartitionCount(cluster, topic, cluster.partitionCountForTopic(topic));
      lastCount = last;
    }
    return last.partitions();
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
