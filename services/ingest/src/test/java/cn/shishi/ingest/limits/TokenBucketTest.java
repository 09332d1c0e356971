package cn.shishi.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aFullBucketGivesItsBurstThenItsRate() {
    TokenBucket bucket = new TokenBucket(1000, 100, 0);
    assertThat(bucket.take(1000, 0)).isZero();
    assertThat(bucket.take(1, 0)).isEqualTo(SECOND / 100);
    assertThat(bucket.take(50, SECOND / 2)).isZero();
    assertThat(bucket.take(1, SECOND / 2)).isPositive();
  }

  @Test
  void aRefusalTakesNothingAndSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(1000, 100, 0);
    bucket.take(900, 0);
    assertThat(bucket.take(300, 0)).isEqualTo(2 * SECOND);
    assertThat(bucket.take(100, 0)).isZero();
  }

  @Test
  void neverHoldsMoreThanItsCapacityAndARequestLargerThanItWaitsForAFullBucket() {
    TokenBucket bucket = new TokenBucket(1000, 100, 0);
    assertThat(bucket.isFull(3600 * SECOND)).isTrue();
    assertThat(bucket.take(5000, 3600 * SECOND)).isZero();
    assertThat(bucket.isFull(3600 * SECOND)).isFalse();
    assertThat(bucket.take(5000, 3600 * SECOND)).isEqualTo(10 * SECOND);
  }
}
