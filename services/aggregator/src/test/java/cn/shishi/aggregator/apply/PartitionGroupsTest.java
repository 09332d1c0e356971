package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PartitionGroupsTest {

  @Test
  void keepsEveryPartitionWholeAndInOrderInOneGroup() {
    List<ConsumerRecord<String, String>> poll = new ArrayList<>();
    for (int offset = 0; offset < 5; offset++) {
      for (int partition = 0; partition < 4; partition++) {
        poll.add(new ConsumerRecord<>("task-reports", partition, offset, "k", "v"));
      }
    }

    List<List<ConsumerRecord<String, String>>> groups = PartitionGroups.split(poll, 2);

    assertThat(groups).hasSize(2);
    assertThat(groups).flatMap(group -> group).hasSize(20);
    for (List<ConsumerRecord<String, String>> group : groups) {
      assertThat(group).hasSize(10);
      for (int partition = 0; partition < 4; partition++) {
        int p = partition;
        List<Long> offsets =
            group.stream().filter(r -> r.partition() == p).map(ConsumerRecord::offset).toList();
        assertThat(offsets).isIn(List.of(), List.of(0L, 1L, 2L, 3L, 4L));
      }
    }
  }

  @Test
  void balancesByRecordCount() {
    List<ConsumerRecord<String, String>> poll = new ArrayList<>();
    int[] sizes = {700, 400, 300, 300, 200, 100};
    for (int partition = 0; partition < sizes.length; partition++) {
      for (int offset = 0; offset < sizes[partition]; offset++) {
        poll.add(new ConsumerRecord<>("task-reports", partition, offset, "k", "v"));
      }
    }

    List<List<ConsumerRecord<String, String>>> groups = PartitionGroups.split(poll, 2);

    assertThat(groups).extracting(List::size).containsExactlyInAnyOrder(1000, 1000);
  }

  @Test
  void aPollOfOnePartitionIsOneGroup() {
    List<ConsumerRecord<String, String>> poll =
        List.of(
            new ConsumerRecord<>("task-reports", 3, 7, "k", "v"),
            new ConsumerRecord<>("task-reports", 3, 8, "k", "v"));

    assertThat(PartitionGroups.split(poll, 2)).containsExactly(poll);
  }
}
