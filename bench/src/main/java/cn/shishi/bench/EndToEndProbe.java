package cn.shishi.bench;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end probes: one report at a time into a cell nothing else writes (北京东城区, a day in 2021 no
 * other generator uses), then the totals are polled until the report shows.
 */
final class EndToEndProbe {
  private static final String COUNTY = "110101";
  private static final String DAY = "2021-01-02";
  private static final Map<String, String> CELL =
      Map.of("county", COUNTY, "from", DAY, "to", DAY, "taskType", "key-project-listed");

  private final Api api;
  private final ExpectedTotals expected;
  private final Latencies latencies;
  private volatile boolean running = true;
  private Thread thread;

  EndToEndProbe(Api api, ExpectedTotals expected, Latencies latencies) {
    this.api = api;
    this.expected = expected;
    this.latencies = latencies;
  }

  void start() {
    long base = api.totals(CELL).reports();
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
      Posts.Answer response;
      try {
        response = api.post("/api/v1/reports", token, report.toJson().toString()).join();
      } catch (RuntimeException e) {
        expected.uncertain(1);
        continue;
      }
      long acked = System.nanoTime();
      if (response.status() != 202) {
        expected.uncertain(1);
        continue;
      }
      expected.filed(report);
      seen++;
      // Every 5 ms: finer polling would itself load the aggregator noticeably.
      while (api.totals(CELL).reports() < seen) {
        LockSupport.parkNanos(5_000_000);
      }
      latencies.probed(sent, acked, System.nanoTime());
      LockSupport.parkNanos(200_000_000);
    }
  }
}
