package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The splitting, against a fake database that refuses chosen records in any transaction that holds
 * them: the refused ones become dead letters, every other record is applied once, in order.
 */
class BatchRunnerTest {
  private final List<EventBatch> commits = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aRefusedRecordIsSetAsideAloneAndTheRestAreApplied() throws Exception {
    List<BatchItem> items = Items.reports(0, 0, 100);
    runner(Set.of(37L), 0).run(new EventBatch("t", items), Items::copy);

    List<BatchItem> applied = appliedInOrder();
    assertThat(applied).hasSize(100);
    assertThat(applied.get(37)).isInstanceOf(DeadLetter.class);
    DeadLetter letter = (DeadLetter) applied.get(37);
    assertThat(letter.reason()).isEqualTo(DeadLetter.REFUSED_BY_DATABASE);
    assertThat(letter.detail()).startsWith("22021");
    assertThat(letter.record().offset()).isEqualTo(37);
    assertThat(applied.stream().filter(FiledReport.class::isInstance)).hasSize(99);
    assertThat(counter("data"))
        .as("failed transactions before the record stood alone")
        .isEqualTo(7);
  }

  @Test
  void severalRefusedRecordsAreEachSetAside() throws Exception {
    runner(Set.of(0L, 1L, 63L, 99L), 0)
        .run(new EventBatch("t", Items.reports(0, 0, 100)), Items::copy);

    List<BatchItem> applied = appliedInOrder();
    assertThat(applied).hasSize(100);
    assertThat(
            applied.stream().filter(DeadLetter.class::isInstance).map(i -> i.position().offset()))
        .containsExactly(0L, 1L, 63L, 99L);
  }

  @Test
  void aTransientFailureIsTriedAgainAndNothingIsSetAside() throws Exception {
    runner(Set.of(), 3).run(new EventBatch("t", Items.reports(0, 0, 10)), Items::copy);

    assertThat(commits).hasSize(1);
    assertThat(commits.get(0).size()).isEqualTo(10);
    assertThat(counter("transient")).isEqualTo(3);
    assertThat(counter("data")).isZero();
  }

  @Test
  void aStoppingProcessLeavesAFailingBatchInsteadOfRetryingIt() {
    BatchRunner runner = runner(Set.of(), 5);
    runner.onStop(new ShutdownEvent());

    assertThatThrownBy(() -> runner.run(new EventBatch("t", Items.reports(0, 0, 10)), Items::copy))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("left to the partitions' next owner");
    assertThat(commits).isEmpty();
    assertThat(counter("transient")).as("tried once, not again").isEqualTo(1);
  }

  private BatchRunner runner(Set<Long> refused, int transientFailures) {
    int[] failuresLeft = {transientFailures};
    return new BatchRunner(
        batch -> {
          if (failuresLeft[0]-- > 0) {
            throw new PersistenceFailure("connecting", new SQLException("gone", "08006"));
          }
          boolean refuses =
              batch.items().stream()
                  .anyMatch(
                      item ->
                          !(item instanceof DeadLetter)
                              && refused.contains(item.position().offset()));
          if (refuses) {
            throw new PersistenceFailure(
                "inserting reports", new SQLException("invalid byte sequence: 0x00", "22021"));
          }
          commits.add(batch);
          return outcome();
        },
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        new BatchMetrics(registry),
        outcome -> {});
  }

  private List<BatchItem> appliedInOrder() {
    return commits.stream().flatMap(batch -> batch.items().stream()).toList();
  }

  private double counter(String kind) {
    return registry.get("shishi.batch.failures").tag("kind", kind).counter().count();
  }

  private static BatchOutcome outcome() {
    return new BatchOutcome(
        0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), Set.of(), Map.of());
  }
}
