package cn.shishi.bench;

import java.io.PrintStream;
import java.util.SortedMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/** What the load prints: what it is about to do, a progress line every 2 s, and a summary. */
final class LoadReport {
  private final LoadOptions options;
  private final LoadCounts counts;
  private final Latencies latencies;
  private final ScheduledExecutorService timers;
  private final PrintStream out;
  private final Histogram window = new Histogram(3);
  private ScheduledFuture<?> progress;
  private long startNanos;

  LoadReport(
      LoadOptions options,
      LoadCounts counts,
      Latencies latencies,
      ScheduledExecutorService timers,
      PrintStream out) {
    this.options = options;
    this.counts = counts;
    this.latencies = latencies;
    this.timers = timers;
    this.out = out;
  }

  void plan() {
    out.printf(
        "load: %s, %s, %s%n",
        options.rate() > 0
            ? String.format("%.0f reports/s (open model)", options.rate())
            : "as fast as " + options.concurrency() + " concurrent requests go (closed model)",
        options.batched() ? "batches of " + options.batchSize() : "single reports",
        options.count() != Long.MAX_VALUE
            ? options.count() + " reports"
            : options.duration().toSeconds() + " s");
  }

  /** Prints a progress line every 2 s, counting time from {@code startNanos}. */
  void startProgress(long startNanos) {
    this.startNanos = startNanos;
    progress = timers.scheduleAtFixedRate(this::progress, 2, 2, TimeUnit.SECONDS);
  }

  /** Stops the progress lines, with a last one for the time since the one before. */
  void stopProgress() {
    progress.cancel(false);
    progress();
  }

  private synchronized void progress() {
    latencies.collect(window);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.printf(
        "[%5.1fs] sent %,d reports (%,.0f/s), accepted %,d, rejected %,d, errors %,d,"
            + " in flight %,d, ack p99 %s (last 2 s)%n",
        seconds,
        counts.reportsSent(),
        counts.reportsSent() / seconds,
        counts.reportsAccepted(),
        counts.invalidRejected() + counts.reportsRefused(),
        counts.errors(),
        counts.inFlight(),
        window.getTotalCount() == 0 ? "-" : Percentiles.millis(window.getValueAtPercentile(99)));
  }

  /**
   * The figures of the whole run; rates are over {@code sendingNanos}, in which the generator
   * itself used {@code cpuNanos} of CPU (on a shared machine, taken from the service's share).
   */
  void summary(long sendingNanos, long cpuNanos) {
    double seconds = sendingNanos / 1e9;
    out.println();
    out.printf(
        "requests        %,d in %.1f s (%s)%n",
        counts.requests(), seconds, options.batched() ? "batches" : "single reports");
    out.printf(
        "reports sent    %,d (%,.0f/s)%n", counts.reportsSent(), counts.reportsSent() / seconds);
    out.printf(
        "accepted        %,d (%,d of them duplicates, %,.0f/s)%n",
        counts.reportsAccepted(), counts.duplicatesAccepted(), counts.reportsAccepted() / seconds);
    out.printf("rejected (422)  %,d, as intended%n", counts.invalidRejected());
    if (cpuNanos >= 0 && counts.reportsSent() > 0) {
      out.printf(
          "generator CPU   %.1f ms per 1,000 reports sent, while sending%n",
          cpuNanos / 1e3 / counts.reportsSent());
    }
    out.printf(
        "withdrawals     %,d sent, %,d accepted%n",
        counts.withdrawalsSent(), counts.withdrawalsAccepted());
    SortedMap<Integer, LongAdder> unexpected = counts.unexpectedStatuses();
    if (counts.reportsRefused() + counts.errors() > 0 || !unexpected.isEmpty()) {
      out.printf(
          "NOT intended    %,d reports refused, %,d requests failed or 503, statuses %s%n",
          counts.reportsRefused(), counts.errors(), unexpected);
    }
    if (!options.warmup().isZero()) {
      out.printf(
          "latencies below leave out the warm-up (the first %d s, and any wait for the measured"
              + " ingest after it)%n",
          options.warmup().toSeconds());
    }
    out.println(
        "ack latency (from the intended send time, ms):  " + Percentiles.of(latencies.ack()));
    if (latencies.withdrawalAck().getTotalCount() > 0) {
      out.println(
          "withdrawal ack latency (ms):                   "
              + Percentiles.of(latencies.withdrawalAck()));
    }
    if (latencies.endToEnd().getTotalCount() > 0) {
      out.println(
          "probe ack latency (ms):                        " + Percentiles.of(latencies.probeAck()));
      out.println(
          "end to end, ack -> visible in totals (ms):     " + Percentiles.of(latencies.endToEnd()));
    }
  }
}
