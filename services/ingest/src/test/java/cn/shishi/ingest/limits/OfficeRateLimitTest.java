package cn.shishi.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shishi.ingest.config.IngestConfig;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OfficeRateLimitTest {
  private final AtomicLong now = new AtomicLong();

  private OfficeRateLimit limit(double perSecond) {
    return new OfficeRateLimit(
        new IngestConfig.RateLimit() {
          @Override
          public double reportsPerSecond() {
            return perSecond;
          }

          @Override
          public long burst() {
            return 1000;
          }
        },
        now::get);
  }

  @Test
  void oneOfficeAtItsLimitLeavesTheOthersTheirs() {
    OfficeRateLimit limit = limit(10);
    limit.take("jx-office-1", 1000);
    assertThatThrownBy(() -> limit.take("jx-office-1", 20))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfterSeconds()).hasValue(3));
    assertThatCode(() -> limit.take("nb-office-1", 1000)).doesNotThrowAnyException();
  }

  @Test
  void idleOfficesAreForgotten() {
    OfficeRateLimit limit = limit(10);
    limit.take("jx-office-1", 500);
    limit.take("nb-office-1", 1);
    now.set(TimeUnit.SECONDS.toNanos(1));
    limit.forgetIdleOffices();
    assertThat(limit.offices()).isEqualTo(1);
    now.set(TimeUnit.SECONDS.toNanos(60));
    limit.forgetIdleOffices();
    assertThat(limit.offices()).isZero();
  }

  @Test
  void aRateOfZeroTurnsTheLimitOff() {
    OfficeRateLimit limit = limit(0);
    for (int i = 0; i < 10; i++) {
      limit.take("jx-office-1", 1000);
    }
    assertThat(limit.offices()).isZero();
  }
}
