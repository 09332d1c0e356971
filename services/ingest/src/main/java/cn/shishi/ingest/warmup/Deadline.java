package cn.shishi.ingest.warmup;

import java.time.Duration;

/** When the warm-up must stop, on the monotonic clock, which a change of the wall clock leaves. */
record Deadline(long nanoTime) {
  private static final long MILLISECOND = 1_000_000;

  static Deadline after(Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - nanoTime >= 0;
  }

  /** The time left, at least a millisecond (a timeout must be positive), at most {@code cap}. */
  Duration left(Duration cap) {
    long left = Math.max(MILLISECOND, nanoTime - System.nanoTime());
    return left < cap.toNanos() ? Duration.ofNanos(left) : cap;
  }
}
