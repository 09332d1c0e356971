package cn.shishi.ingest.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled at {@code perSecond}; taking more
 * than it holds is refused with the wait until it would hold enough. Time is passed in (nanoseconds
 * from any fixed origin), so the arithmetic is tested without a clock.
 */
final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long updatedAt;

  TokenBucket(long capacity, double perSecond, long now) {
    this.capacity = capacity;
    this.perNano = perSecond / NANOS_PER_SECOND;
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /**
   * Takes {@code n} tokens (at most the capacity: a request larger than the bucket waits for a full
   * one) and returns 0, or takes nothing and returns the nanoseconds until it could.
   */
  synchronized long take(long n, long now) {
    refill(now);
    double wanted = Math.min(n, capacity);
    if (tokens >= wanted) {
      tokens -= wanted;
      return 0;
    }
    return (long) Math.ceil((wanted - tokens) / perNano);
  }

  /** Whether the bucket is full at {@code now}: it may be forgotten, a new one is the same. */
  synchronized boolean isFull(long now) {
    refill(now);
    return tokens >= capacity;
  }

  private void refill(long now) {
    if (now > updatedAt) {
      tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
      updatedAt = now;
    }
  }
}
