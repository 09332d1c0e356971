package cn.shishi.aggregator.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OffsetAuditTest {
  private static final UUID TOPIC = UUID.randomUUID();

  @Test
  void offsetsInsideTheirLogAreSound() {
    var findings =
        OffsetAudit.check(
            Map.of(0, new StoredPosition(40, TOPIC), 1, new StoredPosition(100, TOPIC)),
            new LogSnapshot(
                TOPIC,
                Map.of(0, new LogSnapshot.Range(0, 50), 1, new LogSnapshot.Range(100, 100))));
    assertThat(findings).isEmpty();
  }

  @Test
  void aStoredOffsetPastTheEndIsATopicTruncatedOrRestored() {
    var finding =
        OffsetAudit.check(0, new StoredPosition(900, TOPIC), TOPIC, new LogSnapshot.Range(0, 12));
    assertThat(finding)
        .get()
        .extracting(OffsetAnomaly.Finding::kind)
        .isEqualTo(AnomalyKind.AHEAD_OF_LOG);
  }

  @Test
  void aLogStartingPastTheStoredOffsetLostRecords() {
    var finding =
        OffsetAudit.check(0, new StoredPosition(10, TOPIC), TOPIC, new LogSnapshot.Range(25, 80));
    assertThat(finding)
        .get()
        .extracting(OffsetAnomaly.Finding::kind)
        .isEqualTo(AnomalyKind.RECORDS_LOST);
  }

  @Test
  void aPartitionNeverAppliedCountsFromZero() {
    assertThat(OffsetAudit.check(0, null, TOPIC, new LogSnapshot.Range(0, 80))).isEmpty();
    assertThat(OffsetAudit.check(0, null, TOPIC, new LogSnapshot.Range(5, 80)))
        .get()
        .extracting(OffsetAnomaly.Finding::kind)
        .isEqualTo(AnomalyKind.RECORDS_LOST);
  }

  @Test
  void anotherTopicIdIsATopicReplacedWhateverTheOffsets() {
    var finding =
        OffsetAudit.check(
            3, new StoredPosition(4, TOPIC), UUID.randomUUID(), new LogSnapshot.Range(0, 80));
    assertThat(finding)
        .get()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(AnomalyKind.TOPIC_REPLACED);
              assertThat(f.partition()).isEqualTo(3);
              assertThat(f.storedTopicId()).isEqualTo(TOPIC);
            });
  }

  @Test
  void anOffsetNotYetTiedToATopicIsNotAReplacement() {
    assertThat(
            OffsetAudit.check(
                0, new StoredPosition(4, null), UUID.randomUUID(), new LogSnapshot.Range(0, 80)))
        .isEmpty();
  }
}
