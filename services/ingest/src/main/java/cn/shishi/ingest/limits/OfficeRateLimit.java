package cn.shishi.ingest.limits;

import cn.shishi.ingest.config.IngestConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Each office's share of the ingest: a token bucket per office, one token per report or withdrawal,
 * so that one office filling the producer cannot turn every other office's request into a 503.
 * Hand-written (a map of small buckets) because the rate is per office, which the libraries Quarkus
 * has (SmallRye Fault Tolerance's {@code @RateLimit}) do not key by; idle buckets are full and are
 * forgotten every minute, so memory follows the offices filing now.
 */
@ApplicationScoped
public class OfficeRateLimit {
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final IngestConfig.RateLimit config;
  private final LongSupplier nanoTime;

  @Inject
  public OfficeRateLimit(IngestConfig config) {
    this(config.rateLimit(), System::nanoTime);
  }

  OfficeRateLimit(IngestConfig.RateLimit config, LongSupplier nanoTime) {
    this.config = config;
    this.nanoTime = nanoTime;
  }

  /** Takes {@code reports} from the office's bucket, or throws {@link RateLimitedException}. */
  public void take(String office, int reports) {
    if (config.reportsPerSecond() <= 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    long wait =
        buckets
            .computeIfAbsent(
                office, o -> new TokenBucket(config.burst(), config.reportsPerSecond(), now))
            .take(reports, now);
    if (wait > 0) {
      throw new RateLimitedException(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1));
    }
  }

  @Scheduled(every = "1m", delayed = "1m")
  void forgetIdleOffices() {
    long now = nanoTime.getAsLong();
    buckets.values().removeIf(bucket -> bucket.isFull(now));
  }

  int offices() {
    return buckets.size();
  }
}
