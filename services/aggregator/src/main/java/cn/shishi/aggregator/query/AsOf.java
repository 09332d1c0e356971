package cn.shishi.aggregator.query;

import cn.shishi.aggregator.offsets.LogProgress;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Up to when, in receive time, the totals are complete. With no partition behind at the last check,
 * that check's time: everything acknowledged before it was applied. Otherwise the oldest point that
 * a partition with records pending has been applied through, so that one stalled partition holds
 * the figure back instead of looking current. Before the first check, the last commit.
 */
final class AsOf {
  private AsOf() {}

  static Optional<Instant> of(
      Optional<LogProgress> lastCheck,
      Function<Set<Integer>, Optional<Instant>> appliedThrough,
      Supplier<Optional<Instant>> lastCommit) {
    if (lastCheck.isEmpty()) {
      return lastCommit.get();
    }
    LogProgress progress = lastCheck.get();
    return progress.behind().isEmpty()
        ? Optional.of(progress.checkedAt())
        : appliedThrough.apply(progress.behind());
  }
}
