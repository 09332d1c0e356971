package cn.shishi.contract.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.catalog.ProvincePopulation;
import cn.shishi.catalog.Regions;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The assignment against issue 17's bound: on a load weighted by the 2020 census, no partition gets
 * more than 1.3 × the mean, at every partition count the file plans; and the file is the plan.
 */
class PartitionAssignmentTest {
  private static final Map<String, Double> WEIGHTS =
      PartitionPlanner.weights(Regions.load(), ProvincePopulation.load());
  private static final PartitionAssignment FILE = PartitionAssignment.current();

  @ParameterizedTest
  @ValueSource(ints = {12, 24, 48})
  void noPartitionGetsMoreThanOnePointThreeTimesTheMean(int partitions) {
    Map<String, Integer> placement = FILE.placement(partitions);
    assertThat(placement).containsOnlyKeys(WEIGHTS.keySet());
    assertThat(placement.values()).allSatisfy(p -> assertThat(p).isBetween(0, partitions - 1));
    assertThat(PartitionPlanner.imbalance(WEIGHTS, placement, partitions)).isLessThanOrEqualTo(1.3);
  }

  /** A catalogue or census that changed needs a new version, planned and migrated to. */
  @Test
  void theFileIsThePlanOfTheCatalogueAndTheCensus() {
    assertThat(FILE.version()).isEqualTo(1);
    assertThat(FILE.partitionCounts()).containsExactlyInAnyOrder(12, 24, 48);
    for (int partitions : FILE.partitionCounts()) {
      assertThat(new TreeMap<>(FILE.placement(partitions)))
          .as("%d partitions", partitions)
          .isEqualTo(new TreeMap<>(PartitionPlanner.plan(WEIGHTS, partitions)));
    }
  }

  @Test
  void aKeyTheFileDoesNotHoldGoesWhereItsProvinceGoes() {
    assertThat(FILE.partition("3399", 12)).isEqualTo(FILE.partition("33", 12));
    assertThat(FILE.partition("330402", 12)).isEqualTo(FILE.partition("3304", 12));
    assertThat(FILE.partition("99", 12)).isEmpty();
    assertThat(FILE.partition("3304", 7)).as("a partition count not planned").isEmpty();
  }

  @Test
  void thePartitionerFollowsTheFileAndHashesWhatItDoesNotPlan() {
    AssignmentPartitioner partitioner = new AssignmentPartitioner(FILE);
    for (String key : new String[] {"11", "3304", "4403", "6501"}) {
      OptionalInt planned = FILE.partition(key, 24);
      assertThat(partitioner.partition(key.getBytes(StandardCharsets.UTF_8), 24))
          .isEqualTo(planned.getAsInt());
    }
    // What the file does not plan goes where Kafka's own partitioner would put it.
    for (String key : new String[] {"not a region", "3304", "99", "6501"}) {
      byte[] stray = key.getBytes(StandardCharsets.UTF_8);
      assertThat(partitioner.partition(stray, 7))
          .as("%s on 7 partitions", key)
          .isEqualTo(BuiltInPartitioner.partitionForKey(stray, 7));
    }
    // Records without a key (none of Shishi's) take the partitions in turn.
    Set<Integer> keyless = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      keyless.add(partitioner.partition(null, 7));
    }
    assertThat(keyless).hasSize(7).allMatch(p -> p >= 0 && p < 7);
  }

  @Test
  void thePartitionerReadsEachMetadataSnapshotsPartitionCount() {
    AssignmentPartitioner partitioner = new AssignmentPartitioner(FILE);
    String key =
        IntStream.range(11, 66)
            .mapToObj(String::valueOf)
            .filter(k -> FILE.partition(k, 12).isPresent() && FILE.partition(k, 24).isPresent())
            .filter(k -> FILE.partition(k, 12).getAsInt() != FILE.partition(k, 24).getAsInt())
            .findFirst()
            .orElseThrow();
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    Cluster twelve = cluster(Map.of("task-reports", 12));
    Cluster grown = cluster(Map.of("task-reports", 24, "other", 7));

    assertThat(partitioner.partition("task-reports", key, bytes, null, null, twelve))
        .isEqualTo(FILE.partition(key, 12).getAsInt());
    assertThat(partitioner.partition("task-reports", key, bytes, null, null, twelve))
        .isEqualTo(FILE.partition(key, 12).getAsInt());
    assertThat(partitioner.partition("task-reports", key, bytes, null, null, grown))
        .as("after the topic grew")
        .isEqualTo(FILE.partition(key, 24).getAsInt());
    assertThat(partitioner.partition("other", key, bytes, null, null, grown))
        .as("another topic in the same snapshot")
        .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, 7));
    assertThat(partitioner.partition("task-reports", bytes, bytes, null, null, grown))
        .as("a key that is not text, by its bytes")
        .isEqualTo(FILE.partition(key, 24).getAsInt());
  }

  private static Cluster cluster(Map<String, Integer> partitionsByTopic) {
    Node node = new Node(0, "localhost", 9092);
    List<PartitionInfo> infos =
        partitionsByTopic.entrySet().stream()
            .flatMap(
                topic ->
                    IntStream.range(0, topic.getValue())
                        .mapToObj(
                            p ->
                                new PartitionInfo(
                                    topic.getKey(), p, node, new Node[] {node}, new Node[] {node})))
            .toList();
    return new Cluster("test", List.of(node), infos, Set.of(), Set.of());
  }

  @Test
  void anOfficeFilesUnderItsCityOrItsProvince() {
    assertThat(PartitionKeys.ofOffice("330402")).isEqualTo("3304");
    assertThat(PartitionKeys.ofOffice("3304")).isEqualTo("3304");
    assertThat(PartitionKeys.ofOffice("33")).isEqualTo("33");
  }
}
