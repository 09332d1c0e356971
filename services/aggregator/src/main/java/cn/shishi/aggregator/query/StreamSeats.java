package cn.shishi.aggregator.query;

import cn.shishi.aggregator.config.AggregatorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open streams of totals, per caller and in all, and refuses one past either bound: each
 * stream holds a connection and re-reads totals as they change.
 */
@ApplicationScoped
public class StreamSeats {
  private final AggregatorConfig.Streams config;
  private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  public StreamSeats(AggregatorConfig config, MeterRegistry metrics) {
    this.config = config.streams();
    metrics.gauge("shishi.streams.open", total);
  }

  /** Takes a seat for {@code caller}, or throws {@link TooManyStreams}; release it once. */
  public Seat take(String caller) {
    if (total.incrementAndGet() > config.total()) {
      total.decrementAndGet();
      throw new TooManyStreams("streams.total", config.total());
    }
    int mine = perCaller.merge(caller, 1, Integer::sum);
    if (mine > config.perCaller()) {
      release(caller);
      throw new TooManyStreams("streams.caller", config.perCaller());
    }
    return new Seat(caller);
  }

  private void release(String caller) {
    perCaller.computeIfPresent(caller, (c, n) -> n == 1 ? null : n - 1);
    total.decrementAndGet();
  }

  int open() {
    return total.get();
  }

  /** One open stream's seat; released when the stream ends, however it ends. */
  public final class Seat {
    private final String caller;
    private final AtomicInteger released = new AtomicInteger();

    private Seat(String caller) {
      this.caller = caller;
    }

    public void release() {
      if (released.getAndIncrement() == 0) {
        StreamSeats.this.release(caller);
      }
    }
  }
}
