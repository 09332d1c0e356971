package cn.shishi.bench;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * B4: the totals questions dashboards and auditors ask (docs/queries.md), in a fixed mix, at a
 * fixed arrival rate; latency per kind of question and overall, from the intended send time.
 */
final class QueryBench {
  /** A kind of question, how often dashboards ask it, and a generator of concrete URLs. */
  private record Kind(String name, int weight, Supplier<String> url) {}

  private static final List<String> PROVINCES =
      List.of("11", "31", "32", "33", "35", "37", "42", "44", "51", "61");
  private static final List<String> CITIES =
      List.of("3301", "3302", "3304", "3501", "3702", "4401");
  private static final List<String> COUNTIES =
      List.of("330402", "330281", "330106", "350102", "440106", "510104");

  private final Api api;
  private final PrintStream out;
  private final double rate;
  private final Duration duration;
  private final int year;

  /** Asks {@code rate} questions a second for {@code duration}, about {@code year}. */
  QueryBench(Api api, PrintStream out, double rate, Duration duration, int year) {
    this.api = api;
    this.out = out;
    this.rate = rate;
    this.duration = duration;
    this.year = year;
  }

  private static <T> T any(List<T> list) {
    return list.get(ThreadLocalRandom.current().nextInt(list.size()));
  }

  private String month() {
    LocalDate first = LocalDate.of(year, 1 + ThreadLocalRandom.current().nextInt(12), 1);
    return "from=" + first + "&to=" + first.plusMonths(1).minusDays(1);
  }

  private String yearSpan() {
    return "from=" + year + "-01-01&to=" + year + "-12-31";
  }

  private List<Kind> mix() {
    return List.of(
        new Kind("national by province, all time", 20, () -> "/api/v1/totals?groupBy=province"),
        new Kind(
            "province by program, all time",
            10,
            () -> "/api/v1/totals?province=" + any(PROVINCES) + "&groupBy=program,taskType"),
        new Kind(
            "province's cities, a month",
            20,
            () -> "/api/v1/totals?province=" + any(PROVINCES) + "&groupBy=city&" + month()),
        new Kind(
            "drill-down city -> counties, a month",
            15,
            () -> "/api/v1/regions/" + any(CITIES) + "/totals?" + month()),
        new Kind(
            "county by day, a month",
            15,
            () -> "/api/v1/totals?county=" + any(COUNTIES) + "&groupBy=day&" + month()),
        new Kind(
            "province by day, a month",
            10,
            () -> "/api/v1/totals?province=" + any(PROVINCES) + "&groupBy=day&" + month()),
        new Kind(
            "city by month and kind of task, a year",
            8,
            () -> "/api/v1/totals?city=" + any(CITIES) + "&groupBy=month,taskType&" + yearSpan()),
        new Kind(
            "national by province, a year (worst case)",
            2,
            () -> "/api/v1/totals?groupBy=province&" + yearSpan()));
  }

  void run() {
    List<Kind> kinds = mix();
    int totalWeight = kinds.stream().mapToInt(Kind::weight).sum();
    Map<String, Histogram> byKind = new ConcurrentHashMap<>();
    Histogram all = new Histogram(3);
    AtomicLong failures = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    out.printf(
        "queries: %.0f/s for %d s, open model; mix: %s%n",
        rate,
        duration.toSeconds(),
        kinds.stream().map(k -> k.name() + " " + k.weight() + "%").toList());
    // Warm the connection pool and the server's plans, as a running dashboard would have.
    for (Kind kind : kinds) {
      api.getAggregator(kind.url().get()).join();
    }
    long start = System.nanoTime();
    ArrivalSchedule schedule = new ArrivalSchedule(start, rate);
    long end = start + duration.toNanos();
    for (long i = 0; ; i++) {
      long intended = schedule.intendedNanos(i);
      if (intended >= end) {
        break;
      }
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int pick = ThreadLocalRandom.current().nextInt(totalWeight);
      Kind kind = kinds.get(0);
      for (Kind k : kinds) {
        if (pick < k.weight()) {
          kind = k;
          break;
        }
        pick -= k.weight();
      }
      Kind chosen = kind;
      inFlight.incrementAndGet();
      CompletableFuture<HttpResponse<String>> request = api.getAggregator(chosen.url().get());
      request.whenComplete(
          (response, failure) -> {
            long micros = (System.nanoTime() - intended) / 1000;
            if (failure != null || response.statusCode() != 200) {
              failures.incrementAndGet();
              if (failures.get() <= 3) {
                out.println(
                    "failed: "
                        + (failure != null
                            ? failure
                            : response.statusCode() + " " + response.body()));
              }
            }
            synchronized (all) {
              all.recordValue(micros);
              byKind.computeIfAbsent(chosen.name(), n -> new Histogram(3)).recordValue(micros);
            }
            inFlight.decrementAndGet();
          });
    }
    while (inFlight.get() > 0) {
      LockSupport.parkNanos(10_000_000);
    }
    out.println();
    for (Map.Entry<String, Histogram> entry : new TreeMap<>(byKind).entrySet()) {
      out.printf("%-44s %s%n", entry.getKey(), Percentiles.of(entry.getValue()));
    }
    out.printf("%-44s %s%n", "ALL", Percentiles.of(all));
    out.printf("failures: %d%n", failures.get());
  }
}
