package cn.shishi.bench;

/**
 * The open model's clock: request {@code i} is due at {@code start + i / rate}, whatever the server
 * did with the ones before. Latency is measured from this intended time, so a stalled server shows
 * up as latency of every request it delayed instead of as fewer requests sent (coordinated
 * omission).
 */
final class ArrivalSchedule {
  private final long startNanos;
  private final double requestsPerSecond;

  ArrivalSchedule(long startNanos, double requestsPerSecond) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("the rate must be positive");
    }
    this.startNanos = startNanos;
    this.requestsPerSecond = requestsPerSecond;
  }

  /** When request {@code i} (from 0) should be sent. Computed, not accumulated: no drift. */
  long intendedNanos(long i) {
    return startNanos + (long) Math.floor(i * 1e9 / requestsPerSecond);
  }

  /** How many requests are due at {@code nowNanos}: the ones a late sender must catch up on. */
  long dueBy(long nowNanos) {
    if (nowNanos < startNanos) {
      return 0;
    }
    long n = (long) Math.floor((nowNanos - startNanos) * requestsPerSecond / 1e9) + 1;
    // Rounding can make the formula above disagree with intendedNanos by one at the edges.
    while (n > 0 && intendedNanos(n - 1) > nowNanos) {
      n--;
    }
    while (intendedNanos(n) <= nowNanos) {
      n++;
    }
    return n;
  }

  double rate() {
    return requestsPerSecond;
  }
}
