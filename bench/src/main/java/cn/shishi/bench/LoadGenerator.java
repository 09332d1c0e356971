package cn.shishi.bench;

import cn.shishi.catalog.Regions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code bin/shishi load}: posts reports through the ingest API at a fixed arrival rate (or as fast
 * as {@code --concurrency} requests allow, with {@code --rate max}), then checks that the
 * aggregator's totals moved by exactly what was accepted minus what was withdrawn.
 */
final class LoadGenerator {
  static final Set<String> FLAGS =
      Set.of(
          "rate",
          "duration",
          "count",
          "batch-size",
          "duplicates",
          "late",
          "withdrawals",
          "invalid",
          "ingest",
          "aggregator",
          "concurrency",
          "connections",
          "warmup",
          "no-check",
          "probe",
          "drain-timeout");

  record Options(
      double rate,
      Duration duration,
      long count,
      int batchSize,
      double duplicates,
      double late,
      double withdrawals,
      double invalid,
      String ingest,
      String aggregator,
      int concurrency,
      int connections,
      boolean check,
      boolean probe,
      Duration warmup,
      Duration drainTimeout) {

    static Options from(Flags flags) {
      String rate = flags.string("rate", "200");
      Options options =
          new Options(
              rate.equals("max") ? 0 : Double.parseDouble(rate),
              flags.duration("duration", flags.has("count") ? null : Duration.ofSeconds(30)),
              flags.longValue("count", Long.MAX_VALUE),
              (int) flags.longValue("batch-size", 1),
              flags.doubleValue("duplicates", 0),
              flags.doubleValue("late", 0),
              flags.doubleValue("withdrawals", 0),
              flags.doubleValue("invalid", 0),
              flags.string("ingest", "http://127.0.0.1:8080"),
              flags.string("aggregator", "http://127.0.0.1:8081"),
              (int) flags.longValue("concurrency", 4),
              (int) flags.longValue("connections", 64),
              !flags.has("no-check"),
              flags.has("probe"),
              flags.duration("warmup", Duration.ZERO),
              flags.duration("drain-timeout", Duration.ofMinutes(10)));
      if (options.batchSize < 1 || options.batchSize > 1000) {
        throw new IllegalArgumentException("--batch-size is 1..1000");
      }
      return options;
    }

    boolean batched() {
      return batchSize > 1;
    }
  }

  /** A report the ingest accepted as new, with the office that filed it. */
  private record Filed(Report report, String token) {}

  private final Options options;
  private final Api api;
  private final ReportFactory factory;
  private final PrintStream out;
  private final Map<String, List<Filed>> filedByProvince = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers =
      Executors.newScheduledThreadPool(
          1,
          r -> {
            Thread thread = new Thread(r, "load-timers");
            thread.setDaemon(true);
            return thread;
          });

  private final Recorder ackRecorder = new Recorder(3);
  private final Recorder withdrawalRecorder = new Recorder(3);
  private final Histogram ack = new Histogram(3);
  private final Histogram withdrawalAck = new Histogram(3);
  private final Histogram endToEnd = new Histogram(3);
  private final Histogram probeAck = new Histogram(3);

  private final LongAdder requests = new LongAdder();
  private final LongAdder reportsSent = new LongAdder();
  private final LongAdder reportsAccepted = new LongAdder();
  private final LongAdder duplicatesAccepted = new LongAdder();
  private final LongAdder invalidRejected = new LongAdder();
  private final LongAdder reportsRefused = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder withdrawalsSent = new LongAdder();
  private final LongAdder withdrawalsAccepted = new LongAdder();
  private final Map<Integer, LongAdder> unexpectedStatuses = new ConcurrentHashMap<>();
  private final AtomicLong inFlight = new AtomicLong();
  // The effect the accepted requests must have on the totals; uncertain ones (a 503 or a lost
  // answer after all retries) may or may not have been stored.
  private final LongAdder expectedReports = new LongAdder();
  private final LongAdder expectedQuantity = new LongAdder();
  private final LongAdder expectedBeneficiaries = new LongAdder();
  private final LongAdder uncertainReports = new LongAdder();
  private double withdrawalCredit;
  private volatile long startNanos;
  // Requests due before this (the warm-up: JIT compilers of both sides, connection pools) count
  // towards the totals but not towards the latency figures.
  private volatile long measureFromNanos;

  LoadGenerator(Options options, Api api, PrintStream out) {
    this.options = options;
    this.api = api;
    this.factory = new ReportFactory(Regions.load());
    this.out = out;
  }

  /** Runs the load; returns whether the totals check passed (true when not checked). */
  boolean run() throws InterruptedException {
    Api.Totals before = null;
    if (options.check) {
      // A backlog from an earlier run would otherwise land in this run's delta.
      api.awaitDrained(options.drainTimeout);
      before = api.totals(Map.of());
    }
    long requestLimit =
        options.count == Long.MAX_VALUE
            ? Long.MAX_VALUE
            : (options.count + options.batchSize - 1) / options.batchSize;
    out.printf(
        "load: %s, %s, %s%n",
        options.rate > 0
            ? String.format("%.0f reports/s (open model)", options.rate)
            : "as fast as " + options.concurrency + " concurrent requests go (closed model)",
        options.batched() ? "batches of " + options.batchSize : "single reports",
        options.count != Long.MAX_VALUE
            ? options.count + " reports"
            : options.duration.toSeconds() + " s");
    // Throughput is the server's, not the generator's: with a bounded count and nothing that
    // depends on earlier answers, a closed run's requests are all built before the clock starts.
    List<Prepared> ready = new ArrayList<>();
    if (options.rate == 0 && requestLimit != Long.MAX_VALUE && options.duplicates == 0) {
      for (long i = 0; i < requestLimit; i++) {
        ready.add(prepare());
      }
      out.printf("prepared %,d requests%n", ready.size());
    }
    Probe probe = options.probe ? new Probe() : null;
    long start = System.nanoTime();
    startNanos = start;
    measureFromNanos = start + options.warmup.toNanos();
    long end = options.duration == null ? Long.MAX_VALUE : start + options.duration.toNanos();
    Histogram progressWindow = new Histogram(3);
    var progress =
        timers.scheduleAtFixedRate(() -> progress(start, progressWindow), 2, 2, TimeUnit.SECONDS);
    if (probe != null) {
      probe.start();
    }
    if (options.rate > 0) {
      // Like a fleet of office clients, the generator holds a bounded number of connections;
      // a request that waits for one still counts its latency from its intended time.
      Semaphore connections = new Semaphore(options.connections);
      long sent = 0;
      if (!options.warmup.isZero()) {
        sent = openModel(start, Math.min(end, measureFromNanos), 0, requestLimit, connections);
        // The warm-up's backlog (cold JITs on both sides) is drained before the measured phase
        // starts its own schedule, so that it is not charged to the measured requests.
        awaitIdle();
        long measuredFor = end == Long.MAX_VALUE ? 0 : end - measureFromNanos;
        measureFromNanos = System.nanoTime();
        end = measuredFor == 0 ? Long.MAX_VALUE : measureFromNanos + measuredFor;
      }
      openModel(measureFromNanos, end, sent, requestLimit, connections);
    } else {
      Semaphore permits = new Semaphore(options.concurrency);
      for (long i = 0; i < requestLimit && System.nanoTime() < end; i++) {
        permits.acquire();
        Prepared request = ready.isEmpty() ? prepare() : ready.get((int) i);
        dispatch(request, System.nanoTime()).whenComplete((ignored, failure) -> permits.release());
      }
    }
    awaitIdle();
    long sendingNanos = System.nanoTime() - startNanos;
    if (probe != null) {
      probe.stop();
    }
    progress.cancel(false);
    progress(startNanos, progressWindow);
    summary(sendingNanos);
    return !options.check || check(before);
  }

  /**
   * Sends requests {@code first}, {@code first + 1}, ... at the open model's intended times from
   * {@code from} until {@code until} or the limit; returns the number of the next request.
   */
  private long openModel(long from, long until, long first, long limit, Semaphore connections)
      throws InterruptedException {
    ArrivalSchedule schedule = new ArrivalSchedule(from, options.rate / options.batchSize);
    long i = first;
    for (; i < limit; i++) {
      long intended = schedule.intendedNanos(i - first);
      if (intended >= until) {
        break;
      }
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      connections.acquire();
      send(intended).whenComplete((ignored, failure) -> connections.release());
    }
    return i;
  }

  private void awaitIdle() throws InterruptedException {
    while (inFlight.get() > 0) {
      Thread.sleep(20);
    }
  }

  /** A request ready to go: built before the clock starts when the generator must be cheap. */
  private record Prepared(
      String path,
      String token,
      String body,
      boolean invalid,
      List<Report> items,
      List<Report> fresh) {}

  private CompletableFuture<Void> send(long intendedNanos) {
    return dispatch(prepare(), intendedNanos);
  }

  private Prepared prepare() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String province = factory.randomProvince();
    String token = api.officeToken("load-office-" + province, province);
    List<Report> fresh = new ArrayList<>();
    List<Report> items = new ArrayList<>();
    Set<UUID> ids = new HashSet<>();
    for (int j = 0; j < options.batchSize; j++) {
      Filed duplicate =
          random.nextDouble() < options.duplicates ? pickFiled(province, false) : null;
      if (duplicate != null && ids.add(duplicate.report().reportId())) {
        items.add(duplicate.report());
      } else {
        int lateDays = random.nextDouble() < options.late ? 1 + random.nextInt(30) : 0;
        Report report = factory.report(province, lateDays);
        ids.add(report.reportId());
        items.add(report);
        fresh.add(report);
      }
    }
    boolean invalid = random.nextDouble() < options.invalid;
    List<ObjectNode> bodies = new ArrayList<>(items.stream().map(Report::toJson).toList());
    if (invalid) {
      // In a batch, one bad report makes the whole batch 422 (all or nothing).
      int victim = random.nextInt(bodies.size());
      bodies.set(victim, ReportFactory.invalid(items.get(victim)));
    }
    String path;
    String body;
    if (options.batched()) {
      ObjectNode batch = Report.JSON.createObjectNode();
      ArrayNode array = batch.putArray("reports");
      bodies.forEach(array::add);
      path = "/api/v1/reports/batch";
      body = batch.toString();
    } else {
      path = "/api/v1/reports";
      body = bodies.get(0).toString();
    }
    return new Prepared(path, token, body, invalid, items, fresh);
  }

  private CompletableFuture<Void> dispatch(Prepared request, long intendedNanos) {
    List<Report> items = request.items();
    reportsSent.add(items.size());
    requests.increment();
    inFlight.incrementAndGet();
    CompletableFuture<Void> done =
        postWithRetries(request.path(), request.token(), request.body(), 3)
            .handle(
                (response, failure) -> {
                  if (intendedNanos >= measureFromNanos) {
                    ackRecorder.recordValue(Math.max(0, System.nanoTime() - intendedNanos) / 1000);
                  }
                  outcome(
                      response,
                      failure,
                      request.invalid(),
                      items,
                      request.fresh(),
                      request.token());
                  inFlight.decrementAndGet();
                  return null;
                });
    scheduleWithdrawals(intendedNanos);
    return done;
  }

  private void outcome(
      HttpResponse<String> response,
      Throwable failure,
      boolean invalid,
      List<Report> items,
      List<Report> fresh,
      String token) {
    int status = response == null ? -1 : response.statusCode();
    if (failure != null || status == 503) {
      errors.increment();
      if (!invalid) {
        uncertainReports.add(fresh.size());
      }
      return;
    }
    if (invalid && status == 422) {
      invalidRejected.add(items.size());
      return;
    }
    if (status == 202 && !invalid) {
      reportsAccepted.add(items.size());
      duplicatesAccepted.add(items.size() - fresh.size());
      for (Report report : fresh) {
        expectedReports.increment();
        expectedQuantity.add(report.quantity());
        expectedBeneficiaries.add(report.beneficiaries());
        remember(new Filed(report, token));
      }
      return;
    }
    unexpectedStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    if (status == 202) {
      // An invalid report was accepted: its effect on the totals is unknown to us.
      uncertainReports.add(items.size());
    } else {
      reportsRefused.add(items.size());
      if (unexpectedStatuses.get(status).sum() <= 3) {
        out.println("unexpected " + status + ": " + response.body());
      }
    }
  }

  // The same ids again after a 503 or a lost answer is what the API asks offices to do: what
  // was stored already counts once.
  private CompletableFuture<HttpResponse<String>> postWithRetries(
      String path, String token, String body, int attemptsLeft) {
    return api.post(path, token, body)
        .handle(
            (response, failure) -> {
              boolean retry = (failure != null || response.statusCode() == 503) && attemptsLeft > 1;
              if (!retry) {
                return failure != null
                    ? CompletableFuture.<HttpResponse<String>>failedFuture(failure)
                    : CompletableFuture.completedFuture(response);
              }
              CompletableFuture<HttpResponse<String>> next = new CompletableFuture<>();
              timers.schedule(
                  () ->
                      postWithRetries(path, token, body, attemptsLeft - 1)
                          .whenComplete(
                              (r, f) -> {
                                if (f != null) {
                                  next.completeExceptionally(f);
                                } else {
                                  next.complete(r);
                                }
                              }),
                  1,
                  TimeUnit.SECONDS);
              return next;
            })
        .thenCompose(future -> future);
  }

  private void scheduleWithdrawals(long intendedNanos) {
    int count;
    synchronized (this) {
      withdrawalCredit += options.withdrawals * options.batchSize;
      count = (int) withdrawalCredit;
      withdrawalCredit -= count;
    }
    for (int k = 0; k < count; k++) {
      Filed filed = pickFiled(factory.randomProvince(), true);
      if (filed == null) {
        filed = pickAnyFiled();
      }
      if (filed == null) {
        return;
      }
      Report report = filed.report();
      withdrawalsSent.increment();
      inFlight.incrementAndGet();
      String body =
          Report.JSON.createObjectNode().put("reason", "load test: filed by mistake").toString();
      api.post("/api/v1/reports/" + report.reportId() + "/withdrawal", filed.token(), body)
          .whenComplete(
              (response, failure) -> {
                if (intendedNanos >= measureFromNanos) {
                  withdrawalRecorder.recordValue(
                      Math.max(0, System.nanoTime() - intendedNanos) / 1000);
                }
                if (failure == null && response.statusCode() == 202) {
                  withdrawalsAccepted.increment();
                  expectedReports.decrement();
                  expectedQuantity.add(-report.quantity());
                  expectedBeneficiaries.add(-report.beneficiaries());
                } else {
                  int status = failure == null ? -1 : response.statusCode();
                  unexpectedStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                  // Refused or lost: it may still have been applied.
                  uncertainReports.increment();
                }
                inFlight.decrementAndGet();
              });
    }
  }

  private void remember(Filed filed) {
    List<Filed> list =
        filedByProvince.computeIfAbsent(filed.report().province(), p -> new ArrayList<>());
    synchronized (list) {
      // Bounded memory: once full, a random older report makes room.
      if (list.size() < 20_000) {
        list.add(filed);
      } else {
        list.set(ThreadLocalRandom.current().nextInt(list.size()), filed);
      }
    }
  }

  /** A report this run filed in {@code province}; removed when it is to be withdrawn. */
  private Filed pickFiled(String province, boolean remove) {
    List<Filed> list = filedByProvince.get(province);
    if (list == null) {
      return null;
    }
    synchronized (list) {
      if (list.isEmpty()) {
        return null;
      }
      int i = ThreadLocalRandom.current().nextInt(list.size());
      Filed filed = list.get(i);
      if (remove) {
        list.set(i, list.get(list.size() - 1));
        list.remove(list.size() - 1);
      }
      return filed;
    }
  }

  private Filed pickAnyFiled() {
    for (String province : filedByProvince.keySet()) {
      Filed filed = pickFiled(province, true);
      if (filed != null) {
        return filed;
      }
    }
    return null;
  }

  private synchronized void progress(long start, Histogram window) {
    window.reset();
    ackRecorder.getIntervalHistogramInto(window);
    ack.add(window);
    Histogram withdrawals = withdrawalRecorder.getIntervalHistogram();
    withdrawalAck.add(withdrawals);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "[%5.1fs] sent %,d reports (%,.0f/s), accepted %,d, rejected %,d, errors %,d,"
            + " in flight %,d, ack p99 %s (last 2 s)%n",
        seconds,
        reportsSent.sum(),
        reportsSent.sum() / seconds,
        reportsAccepted.sum(),
        invalidRejected.sum() + reportsRefused.sum(),
        errors.sum(),
        inFlight.get(),
        window.getTotalCount() == 0 ? "-" : millis(window.getValueAtPercentile(99)));
  }

  private void summary(long sendingNanos) {
    double seconds = sendingNanos / 1e9;
    out.println();
    out.printf(
        "requests        %,d in %.1f s (%s)%n",
        requests.sum(), seconds, options.batched() ? "batches" : "single reports");
    out.printf("reports sent    %,d (%,.0f/s)%n", reportsSent.sum(), reportsSent.sum() / seconds);
    out.printf(
        "accepted        %,d (%,d of them duplicates, %,.0f/s)%n",
        reportsAccepted.sum(), duplicatesAccepted.sum(), reportsAccepted.sum() / seconds);
    out.printf("rejected (422)  %,d, as intended%n", invalidRejected.sum());
    out.printf(
        "withdrawals     %,d sent, %,d accepted%n",
        withdrawalsSent.sum(), withdrawalsAccepted.sum());
    if (reportsRefused.sum() + errors.sum() > 0 || !unexpectedStatuses.isEmpty()) {
      out.printf(
          "NOT intended    %,d reports refused, %,d requests failed or 503, statuses %s%n",
          reportsRefused.sum(), errors.sum(), new TreeMap<>(unexpectedStatuses));
    }
    if (!options.warmup.isZero()) {
      out.printf(
          "latencies below leave out the first %d s (warm-up)%n", options.warmup.toSeconds());
    }
    out.println("ack latency (from the intended send time, ms):  " + percentiles(ack));
    if (withdrawalAck.getTotalCount() > 0) {
      out.println("withdrawal ack latency (ms):                   " + percentiles(withdrawalAck));
    }
    if (endToEnd.getTotalCount() > 0) {
      out.println("probe ack latency (ms):                        " + percentiles(probeAck));
      out.println("end to end, ack -> visible in totals (ms):     " + percentiles(endToEnd));
    }
  }

  static String percentiles(Histogram h) {
    return String.format(
        "n=%,d p50 %s  p99 %s  p99.9 %s  max %s",
        h.getTotalCount(),
        millis(h.getValueAtPercentile(50)),
        millis(h.getValueAtPercentile(99)),
        millis(h.getValueAtPercentile(99.9)),
        millis(h.getMaxValue()));
  }

  static String millis(long micros) {
    return micros >= 100_000
        ? String.format("%,d", Math.round(micros / 1000.0))
        : String.format("%.1f", micros / 1000.0);
  }

  private boolean check(Api.Totals before) throws InterruptedException {
    long drainStart = System.nanoTime();
    JsonNode reconciliation = api.awaitDrained(options.drainTimeout);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    Api.Totals delta = api.totals(Map.of()).minus(before);
    Api.Totals expected =
        new Api.Totals(expectedReports.sum(), expectedQuantity.sum(), expectedBeneficiaries.sum());
    long uncertain = uncertainReports.sum();
    out.printf(
        "aggregator      drained %.1f s after the last answer; reconciliation consistent=%s"
            + " drift=%s%n",
        drainSeconds, reconciliation.path("consistent"), reconciliation.path("drift"));
    out.printf(
        "totals delta    reports %,d  quantity %,d  beneficiaries %,d%n",
        delta.reports(), delta.quantity(), delta.beneficiaries());
    out.printf(
        "expected        reports %,d  quantity %,d  beneficiaries %,d"
            + " (accepted new reports minus withdrawals)%n",
        expected.reports(), expected.quantity(), expected.beneficiaries());
    boolean exact = delta.equals(expected);
    if (exact) {
      out.println("check           OK: the totals moved by exactly what was accepted");
    } else if (uncertain > 0 && Math.abs(delta.reports() - expected.reports()) <= uncertain) {
      out.printf(
          "check           UNDECIDED: %,d reports had no definite answer (503 or lost)%n",
          uncertain);
    } else {
      out.println("check           FAILED: the totals do not match what was accepted");
    }
    return exact;
  }

  /**
   * End-to-end probes: one report at a time into a cell nothing else writes (北京东城区, a day in 2021
   * no other generator uses), then the totals are polled until the report shows.
   */
  private final class Probe {
    static final String COUNTY = "110101";
    static final String DAY = "2021-01-02";
    private final Map<String, String> cell =
        Map.of("county", COUNTY, "from", DAY, "to", DAY, "taskType", "key-project-listed");
    private volatile boolean running = true;
    private Thread thread;

    void start() {
      long base = api.totals(cell).reports();
      thread = new Thread(() -> loop(base), "e2e-probe");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    private void loop(long base) {
      String token = api.officeToken("load-probe-11", "11");
      long seen = base;
      while (running) {
        Report report =
            new Report(
                UUID.randomUUID(),
                COUNTY,
                "practical-deeds",
                "key-project-listed",
                1,
                0,
                OffsetDateTime.parse(DAY + "T12:00:00+08:00"),
                null);
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
          response = api.post("/api/v1/reports", token, report.toJson().toString()).join();
        } catch (RuntimeException e) {
          uncertainReports.increment();
          continue;
        }
        long acked = System.nanoTime();
        if (response.statusCode() != 202) {
          uncertainReports.increment();
          continue;
        }
        expectedReports.increment();
        expectedQuantity.increment();
        seen++;
        // Every 5 ms: finer polling would itself load the aggregator noticeably.
        while (api.totals(cell).reports() < seen) {
          LockSupport.parkNanos(5_000_000);
        }
        long visible = System.nanoTime();
        if (sent >= measureFromNanos) {
          synchronized (LoadGenerator.this) {
            probeAck.recordValue((acked - sent) / 1000);
            endToEnd.recordValue((visible - acked) / 1000);
          }
        }
        LockSupport.parkNanos(200_000_000);
      }
    }
  }
}
