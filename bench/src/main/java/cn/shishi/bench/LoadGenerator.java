package cn.shishi.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code bin/shishi load}: posts reports through the ingest API at a fixed arrival rate (or as fast
 * as {@code --concurrency} requests allow, with {@code --rate max}), then checks that the
 * aggregator's totals moved by exactly what was accepted minus what was withdrawn.
 */
final class LoadGenerator {
  private final LoadOptions options;
  private final Arrivals arrivals;
  private final Latencies latencies;
  private final LoadReport report;
  private final TotalsCheck check;
  private final EndToEndProbe probe;
  private final LoadCounts counts;

  /** {@code probe} is null when end-to-end latency is not measured. */
  LoadGenerator(
      LoadOptions options,
      Arrivals arrivals,
      Latencies latencies,
      LoadReport report,
      TotalsCheck check,
      EndToEndProbe probe,
      LoadCounts counts) {
    this.counts = counts;
    this.options = options;
    this.arrivals = arrivals;
    this.latencies = latencies;
    this.report = report;
    this.check = check;
    this.probe = probe;
  }

  static LoadGenerator create(LoadOptions options, Api api, PrintStream out) {
    // Progress lines and retries' delays; the JVM does not wait for them to end.
    ScheduledExecutorService timers =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread thread = new Thread(r, "load-timers");
              thread.setDaemon(true);
              return thread;
            });
    ReportFactory factory = ReportFactory.load();
    LoadCounts counts = new LoadCounts();
    ExpectedTotals expected = new ExpectedTotals();
    Latencies latencies = new Latencies();
    FiledReports filed = new FiledReports();
    Arrivals arrivals =
        new Arrivals(
            options,
            api,
            new LoadRequests(options, factory, api, filed),
            new ReportSender(api, timers, counts, expected, filed, latencies, out),
            new Withdrawals(options, factory, filed, api, counts, expected, latencies),
            counts,
            latencies,
            out);
    return new LoadGenerator(
        options,
        arrivals,
        latencies,
        new LoadReport(options, counts, latencies, timers, out),
        new TotalsCheck(api, options.drainTimeout(), expected, out),
        options.probe() ? new EndToEndProbe(api, expected, latencies) : null,
        counts);
  }

  /** Sends {@code options}' reports unmeasured and says so in one line. */
  static void warmUp(LoadOptions options, Api api, PrintStream out) throws InterruptedException {
    long start = System.nanoTime();
    LoadGenerator warmUp = create(options, api, new PrintStream(OutputStream.nullOutputStream()));
    warmUp.run();
    out.printf(
        "warm-up: %,d reports sent in %.1f s, %,d accepted, %,d requests failed (not measured)%n",
        options.count(),
        (System.nanoTime() - start) / 1e9,
        warmUp.counts.reportsAccepted(),
        warmUp.counts.errors());
  }

  /** Runs the load; returns whether the totals check passed (true when not checked). */
  boolean run() throws InterruptedException {
    Api.Totals before = options.check() ? check.baseline() : null;
    report.plan();
    List<LoadRequest> ready = arrivals.prepare();
    long cpuBefore = ProcessCpu.nanos();
    long start = System.nanoTime();
    long measuredFrom = start + options.warmup().toNanos();
    latencies.measureFrom(measuredFrom);
    report.startProgress(start);
    if (probe != null) {
      probe.start();
    }
    long sendingNanos;
    try {
      arrivals.run(start, ready);
      sendingNanos = System.nanoTime() - start;
    } finally {
      // Also when the run fails (the measured ingest never ready, an interrupt): the probe and the
      // progress lines would otherwise go on in a JVM that outlives it, a test's.
      if (probe != null) {
        probe.stop();
      }
      report.stopProgress();
    }
    report.summary(sendingNanos, cpuBefore < 0 ? -1 : ProcessCpu.nanos() - cpuBefore);
    return !options.check() || check.passes(before);
  }
}
