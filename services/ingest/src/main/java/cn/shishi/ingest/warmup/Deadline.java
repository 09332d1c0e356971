package cn.shishi.ingest.warmup;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** When the warm-up must stop, on the monotonic clock, which a change of the wall clock leaves. */
record Deadline(long nanoTime) {
  private static final long MILLISECOND = 1_000_000;

  static Deadline after(Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  boolean passed() {
    return nanosLeft() <= 0;
  }

  /** The time left, at least a millisecond (a timeout must be positive), at most {@code cap}. */
  Duration left(Duration cap) {
    long left = Math.max(MILLISECOND, nanosLeft());
    return left < cap.toNanos() ? Duration.ofNanos(left) : cap;
  }

  /** What {@code task} gives if it is done by the deadline; empty if not (it is left running). */
  <T> Optional<T> await(Future<T> task) throws InterruptedException, ExecutionException {
    try {
      return Optional.of(task.get(Math.max(0, nanosLeft()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  // A difference of nanoTime values, as its contract asks: no comparison of the values themselves.
  private long nanosLeft() {
    return nanoTime - System.nanoTime();
  }
}
