package cn.shishi.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * When the load's requests go out: at the open model's intended times ({@link ArrivalSchedule}),
 * or, with {@code --rate max}, whenever one of {@code --concurrency} requests in flight returns
 * (the closed model). Each request brings the withdrawals due with it.
 */
final class Arrivals {
  // B9: a start under its load has taken up to 23 s to be ready on 2 cores (docs/benchmarks.md);
  // one that takes minutes is a failed start, not a figure.
  private static final Duration MEASURED_INGEST_START_LIMIT = Duration.ofMinutes(2);

  private final LoadOptions options;
  private final Api api;
  private final LoadRequests requests;
  private final ReportSender sender;
  private final Withdrawals withdrawals;
  private final LoadCounts counts;
  private final Latencies latencies;
  private final PrintStream out;

  Arrivals(
      LoadOptions options,
      Api api,
      LoadRequests requests,
      ReportSender sender,
      Withdrawals withdrawals,
      LoadCounts counts,
      Latencies latencies,
      PrintStream out) {
    this.options = options;
    this.api = api;
    this.requests = requests;
    this.sender = sender;
    this.withdrawals = withdrawals;
    this.counts = counts;
    this.latencies = latencies;
    this.out = out;
  }

  /** The requests built before the clock starts; empty when they are built as they go. */
  List<LoadRequest> prepare() {
    // Throughput is the server's, not the generator's: with a bounded count and nothing that
    // depends on earlier answers, a closed run's requests are all built before the clock starts.
    List<LoadRequest> ready = new ArrayList<>();
    long limit = options.requestLimit();
    if (options.rate() == 0 && limit != Long.MAX_VALUE && options.duplicates() == 0) {
      for (long i = 0; i < limit; i++) {
        ready.add(requests.next());
      }
      out.printf("prepared %,d requests%n", ready.size());
    }
    return ready;
  }

  /**
   * Sends from {@code startNanos} for the duration or the count, then waits for every answer;
   * {@code ready} holds the requests built already ({@link #prepare}).
   */
  void run(long startNanos, List<LoadRequest> ready) throws InterruptedException {
    long end =
        options.duration() == null ? Long.MAX_VALUE : startNanos + options.duration().toNanos();
    if (options.rate() > 0) {
      openModel(startNanos, end);
    } else {
      // The closed model keeps no schedule to pause: posts move to a measured ingest at the moment
      // its latencies start to count.
      api.measureFrom(latencies.measureFrom());
      closedModel(end, ready);
    }
    counts.awaitIdle();
  }

  private void openModel(long startNanos, long end) throws InterruptedException {
    // Like a fleet of office clients, the generator holds a bounded number of connections;
    // a request that waits for one still counts its latency from its intended time.
    Semaphore connections = new Semaphore(options.connections());
    long limit = options.requestLimit();
    if (options.warmup().isZero()) {
      measureFrom(startNanos);
      onSchedule(startNanos, end, 0, limit, connections);
      return;
    }
    // The warm-up goes to the running ingest, whatever an earlier pass left in the Api.
    api.measureFrom(Long.MAX_VALUE);
    long warmUpEnd = latencies.measureFrom();
    long measuredFor = end == Long.MAX_VALUE ? 0 : end - warmUpEnd;
    long sent = onSchedule(startNanos, Math.min(end, warmUpEnd), 0, limit, connections);
    if (api.waitsForMeasuredIngest()) {
      sent = untilMeasuredIngestReady(startNanos, sent, limit, connections);
    }
    // The warm-up's backlog (cold JITs on both sides) is drained before the measured phase
    // starts its own schedule, so that it is not charged to the measured requests.
    counts.awaitIdle();
    long from = System.nanoTime();
    measureFrom(from);
    onSchedule(
        from, measuredFor == 0 ? Long.MAX_VALUE : from + measuredFor, sent, limit, connections);
  }

  /**
   * B9: the warm-up's schedule goes on, on the running ingest and unmeasured, until the measured
   * ingest is ready, as a load balancer's would; returns the number of the next request.
   */
  private long untilMeasuredIngestReady(
      long startNanos, long sent, long limit, Semaphore connections) throws InterruptedException {
    out.printf(
        "[%5.1fs] warm-up over; waiting for the measured ingest to be ready%n",
        (System.nanoTime() - startNanos) / 1e9);
    latencies.measureFrom(Long.MAX_VALUE);
    // The warm-up's schedule goes on where it stopped: request `sent` is due when it was due.
    long next =
        onSchedule(
            new ArrivalSchedule(startNanos, options.rate() / options.batchSize())
                .intendedNanos(sent),
            System.nanoTime() + MEASURED_INGEST_START_LIMIT.toNanos(),
            sent,
            limit,
            connections,
            api::measuredIngestReady);
    if (next < limit && !api.measuredIngestReady()) {
      throw new IllegalStateException(
          "the measured ingest was not ready "
              + MEASURED_INGEST_START_LIMIT
              + " after the warm-up");
    }
    out.printf(
        "[%5.1fs] the measured ingest answered ready; the load moves to it%n",
        (System.nanoTime() - startNanos) / 1e9);
    return next;
  }

  /** Measured from {@code nanos} on, and sent to the measured ingest if there is one. */
  private void measureFrom(long nanos) {
    latencies.measureFrom(nanos);
    api.measureFrom(nanos);
  }

  private long onSchedule(long from, long until, long first, long limit, Semaphore connections)
      throws InterruptedException {
    return onSchedule(from, until, first, limit, connections, () -> false);
  }

  /**
   * Sends requests {@code first}, {@code first + 1}, ... at the open model's intended times,
   * request {@code first} being due at {@code from}, until {@code until}, the limit or {@code
   * stop}; returns the number of the next request.
   */
  private long onSchedule(
      long from, long until, long first, long limit, Semaphore connections, BooleanSupplier stop)
      throws InterruptedException {
    ArrivalSchedule schedule = new ArrivalSchedule(from, options.rate() / options.batchSize());
    long i = first;
    for (; i < limit && !stop.getAsBoolean(); i++) {
      long intended = schedule.intendedNanos(i - first);
      if (intended >= until) {
        break;
      }
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      connections.acquire();
      send(requests.next(), intended).whenComplete((ignored, failure) -> connections.release());
    }
    return i;
  }

  private void closedModel(long end, List<LoadRequest> ready) throws InterruptedException {
    Semaphore permits = new Semaphore(options.concurrency());
    long limit = options.requestLimit();
    for (long i = 0; i < limit && System.nanoTime() < end; i++) {
      permits.acquire();
      LoadRequest request = ready.isEmpty() ? requests.next() : ready.get((int) i);
      send(request, System.nanoTime()).whenComplete((ignored, failure) -> permits.release());
    }
  }

  private CompletableFuture<Void> send(LoadRequest request, long intendedNanos) {
    CompletableFuture<Void> answered = sender.send(request, intendedNanos);
    withdrawals.sendDue(intendedNanos);
    return answered;
  }
}
