package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBatchTest {

  @Test
  void halvesKeepEveryRecordOnceAndInOrder() {
    List<BatchItem> items = new ArrayList<>(Items.reports(0, 0, 3));
    items.addAll(Items.reports(1, 7, 11));
    EventBatch batch = new EventBatch("task-reports", items);

    List<EventBatch> halves = batch.halves();

    assertThat(halves).hasSize(2);
    assertThat(halves.get(0).size()).isEqualTo(3);
    List<BatchItem> joined = new ArrayList<>(halves.get(0).items());
    joined.addAll(halves.get(1).items());
    assertThat(joined).isEqualTo(items);
  }

  @Test
  void everyRecordMovesItsPartitionOnWhateverItIs() {
    List<BatchItem> items = new ArrayList<>(Items.reports(0, 0, 3));
    items.add(
        new DeadLetter(
            new RecordPosition(0, 3),
            DeadLetter.INVALID,
            "x",
            null,
            Items.copy(new RecordPosition(0, 3))));
    assertThat(new EventBatch("t", items).lastOffsets()).isEqualTo(Map.of(0, 3L));
  }
}
