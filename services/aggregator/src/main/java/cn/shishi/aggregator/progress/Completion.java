package cn.shishi.aggregator.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a target (or a sum of targets in one unit) is done: what was committed, what the rollups
 * hold for it, their ratio and what remains. Achieved past the target is kept as it is (a ratio
 * above 1); nothing remains then.
 */
public record Completion(long target, long achieved) {
  public Completion {
    if (target <= 0) {
      throw new IllegalArgumentException("a target is a positive quantity: " + target);
    }
  }

  /** Achieved over target, to four decimals (0.3367 for 2,959 of 8,788). */
  public BigDecimal ratio() {
    return BigDecimal.valueOf(achieved)
        .divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_EVEN);
  }

  /** What is left to do: never negative. */
  public long remaining() {
    return Math.max(0, target - achieved);
  }
}
