package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.shishi.aggregator.offsets.AnomalyKind;
import cn.shishi.aggregator.offsets.PartitionState;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  private static final UUID TOPIC = UUID.randomUUID();
  private static final LongSupplier NO_LOG = () -> fail("the log need not be asked");
  private static final Supplier<UUID> NO_ID = () -> fail("the topic id need not be asked");

  @Test
  void appliesAnUnbrokenRunFromTheStoredOffset() {
    List<BatchItem> items = Items.reports(3, 10, 15);
    Admission admission = Admission.decide(state(10), items, NO_LOG, NO_ID);
    assertThat(admission).isEqualTo(new Admission.Apply(items, 0, 15));
  }

  @Test
  void skipsWhatWasAppliedBeforeAndAppliesTheRest() {
    List<BatchItem> items = Items.reports(3, 8, 12);
    Admission admission = Admission.decide(state(10), items, NO_LOG, () -> TOPIC);
    assertThat(admission).isEqualTo(new Admission.Apply(items.subList(2, 4), 2, 12));
  }

  @Test
  void aBatchAllAppliedBeforeAppliesNothing() {
    Admission admission = Admission.decide(state(20), Items.reports(3, 8, 12), NO_LOG, () -> TOPIC);
    assertThat(admission).isEqualTo(new Admission.Apply(List.of(), 4, 20));
  }

  @Test
  void recordsBelowTheStoredOffsetOfAnotherTopicHoldThePartition() {
    Admission admission =
        Admission.decide(state(20), Items.reports(3, 0, 4), NO_LOG, UUID::randomUUID);
    assertThat(admission).isEqualTo(new Admission.Hold(4, AnomalyKind.TOPIC_REPLACED));
  }

  @Test
  void aGapWhereTheLogStartsLaterMeansRecordsWereLost() {
    Admission admission = Admission.decide(state(10), Items.reports(3, 50, 52), () -> 50, NO_ID);
    assertThat(admission).isEqualTo(new Admission.Hold(2, AnomalyKind.RECORDS_LOST));
  }

  @Test
  void aGapInsideTheLogSendsTheConsumerBack() {
    Admission admission = Admission.decide(state(10), Items.reports(3, 50, 52), () -> 0, NO_ID);
    assertThat(admission).isEqualTo(new Admission.Reseek(2, 10));
  }

  @Test
  void aHeldPartitionAppliesNothing() {
    PartitionState held = new PartitionState(10, TOPIC, true);
    assertThat(Admission.decide(held, Items.reports(3, 10, 13), NO_LOG, NO_ID))
        .isEqualTo(new Admission.Hold(3, null));
  }

  private static PartitionState state(long next) {
    return new PartitionState(next, TOPIC, false);
  }
}
