package cn.shishi.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.offsets.LogProgress;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsOfTest {
  private static final Instant CHECKED = Instant.parse("2021-05-14T03:00:00Z");
  private static final Instant STALLED = Instant.parse("2021-05-14T01:00:00Z");
  private static final Instant COMMITTED = Instant.parse("2021-05-14T02:59:59Z");

  private static Optional<Instant> asOf(Optional<LogProgress> check) {
    return AsOf.of(
        check,
        behind -> behind.contains(7) ? Optional.of(STALLED) : Optional.empty(),
        () -> Optional.of(COMMITTED));
  }

  @Test
  void withNothingPendingTheTotalsAreCompleteAsOfTheCheck() {
    assertThat(asOf(Optional.of(new LogProgress(CHECKED, Set.of())))).hasValue(CHECKED);
  }

  @Test
  void aStalledPartitionHoldsTheFigureBack() {
    assertThat(asOf(Optional.of(new LogProgress(CHECKED, Set.of(3, 7))))).hasValue(STALLED);
  }

  @Test
  void beforeTheFirstCheckItIsTheLastCommit() {
    assertThat(asOf(Optional.empty())).hasValue(COMMITTED);
  }
}
