package cn.shishi.bench;

import org.HdrHistogram.Histogram;

/** Latencies, recorded in microseconds, as the summaries print them: in milliseconds. */
final class Percentiles {
  private Percentiles() {}

  static String of(Histogram h) {
    return String.format(
        "n=%,d p50 %s  p99 %s  p99.9 %s  max %s",
        h.getTotalCount(),
        millis(h.getValueAtPercentile(50)),
        millis(h.getValueAtPercentile(99)),
        millis(h.getValueAtPercentile(99.9)),
        millis(h.getMaxValue()));
  }

  /** A tenth of a millisecond below 100 ms; whole ones above, where a tenth says nothing. */
  static String millis(long micros) {
    return micros >= 100_000
        ? String.format("%,d", Math.round(micros / 1000.0))
        : String.format("%.1f", micros / 1000.0);
  }
}
