package cn.shishi.contract.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.catalog.ProvincePopulation;
import cn.shishi.catalog.Regions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
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
    byte[] stray = "not a region".getBytes(StandardCharsets.UTF_8);
    int hashed = partitioner.partition(stray, 7);
    assertThat(partitioner.partition(stray, 7)).as("one key, one partition").isEqualTo(hashed);
    assertThat(partitioner.partition(null, 7)).isBetween(0, 6);
  }

  @Test
  void anOfficeFilesUnderItsCityOrItsProvince() {
    assertThat(PartitionKeys.ofOffice("330402")).isEqualTo("3304");
    assertThat(PartitionKeys.ofOffice("3304")).isEqualTo("3304");
    assertThat(PartitionKeys.ofOffice("33")).isEqualTo("33");
  }
}
