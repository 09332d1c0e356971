package cn.shishi.aggregator.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Splits a poll into groups that can be applied at the same time: every partition's records stay
 * together and in order, in exactly one group, and the groups hold about as many records each.
 */
final class PartitionGroups {
  private PartitionGroups() {}

  static <K, V> List<List<ConsumerRecord<K, V>>> split(
      Iterable<ConsumerRecord<K, V>> records, int groups) {
    Map<Integer, List<ConsumerRecord<K, V>>> byPartition = new TreeMap<>();
    for (ConsumerRecord<K, V> record : records) {
      byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
    }
    List<List<ConsumerRecord<K, V>>> partitions = new ArrayList<>(byPartition.values());
    // Largest first, each to the lightest group so far: balanced enough for a dozen partitions.
    partitions.sort(Comparator.comparingInt(List<ConsumerRecord<K, V>>::size).reversed());
    List<List<ConsumerRecord<K, V>>> split = new ArrayList<>();
    for (List<ConsumerRecord<K, V>> partition : partitions) {
      if (split.size() < Math.max(1, groups)) {
        split.add(new ArrayList<>(partition));
      } else {
        split.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(partition);
      }
    }
    return split;
  }
}
