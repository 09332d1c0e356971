package cn.shishi.aggregator.offsets;

import java.time.Instant;
import java.util.Set;

/** At the last check ({@code checkedAt}), the partitions that had records not yet applied. */
public record LogProgress(Instant checkedAt, Set<Integer> behind) {
  public LogProgress {
    behind = Set.copyOf(behind);
  }
}
