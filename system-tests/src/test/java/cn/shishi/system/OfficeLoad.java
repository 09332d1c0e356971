package cn.shishi.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Offices posting known reports through the ingest's batch endpoint, the way a careful client does:
 * a batch that does not get its 202 (503, a dropped connection, a dead ingest) is sent again with
 * the same ids until it does. Every report is for one day, so that a case's totals can be told
 * apart from the others'.
 */
final class OfficeLoad {
  private static final Map<String, String> COUNTY_OF_PROVINCE =
      Map.of("33", "330402", "35", "350102", "44", "440106", "11", "110101");
  private static final Duration GIVE_UP = Duration.ofMinutes(4);

  private final Stack stack;
  private final LocalDate day;
  private final int reports;
  private final int batchSize;
  private final int copies;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong refusals = new AtomicLong();
  private final AtomicLong batchesDone = new AtomicLong();
  private volatile int batches = 1;
  long expectedQuantity;

  /**
   * {@code copies} is how often each batch is sent: 2 sends every batch twice, the second time from
   * another thread at the same moment as the first.
   */
  OfficeLoad(Stack stack, LocalDate day, int reports, int batchSize, int copies) {
    this.stack = stack;
    this.day = day;
    this.reports = reports;
    this.batchSize = batchSize;
    this.copies = copies;
  }

  /** Share of the batches acknowledged so far, for faults that wait for a point in the run. */
  double progress() {
    return (double) batchesDone.get() / batches;
  }

  /** Sends every report and returns when every batch has been acknowledged. */
  void run(int threads) throws Exception {
    List<List<String>> bodies = new ArrayList<>();
    List<String> provinces = List.copyOf(COUNTY_OF_PROVINCE.keySet());
    List<List<UUID>> ids = new ArrayList<>();
    for (int start = 0; start < reports; start += batchSize) {
      String province = provinces.get((start / batchSize) % provinces.size());
      List<String> items = new ArrayList<>();
      List<UUID> batchIds = new ArrayList<>();
      for (int i = start; i < Math.min(reports, start + batchSize); i++) {
        UUID id = UUID.randomUUID();
        int quantity = 1 + i % 7;
        expectedQuantity += quantity;
        batchIds.add(id);
        items.add(
            """
            {"reportId":"%s","regionCode":"%s","program":"practical-deeds","taskType":"household-visit","quantity":%d,"completedAt":"%sT10:00:00+08:00"}"""
                .formatted(id, COUNTY_OF_PROVINCE.get(province), quantity, day));
      }
      bodies.add(List.of(province, "{\"reports\":[" + String.join(",", items) + "]}"));
      ids.add(batchIds);
    }
    batches = bodies.size() * copies;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int b = 0; b < bodies.size(); b++) {
        List<String> batch = bodies.get(b);
        List<UUID> batchIds = ids.get(b);
        for (int copy = 0; copy < copies; copy++) {
          sends.add(pool.submit(() -> sendUntilAcknowledged(batch.get(0), batch.get(1), batchIds)));
        }
      }
      for (Future<?> send : sends) {
        send.get(GIVE_UP.toMinutes() + 1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void sendUntilAcknowledged(String province, String body, List<UUID> ids) {
    Instant deadline = Instant.now().plus(GIVE_UP);
    while (Instant.now().isBefore(deadline)) {
      requests.incrementAndGet();
      int status = post(province, body);
      if (status == 202) {
        acknowledged.addAll(ids);
        batchesDone.incrementAndGet();
        return;
      }
      if (status >= 400 && status < 500) {
        throw new IllegalStateException("the ingest refused a valid batch with " + status);
      }
      refusals.incrementAndGet();
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new IllegalStateException("a batch was not acknowledged within " + GIVE_UP);
  }

  /** The status, or 0 when nothing answered (the ingest is down or restarting). */
  private int post(String province, String body) {
    String token = tokens.computeIfAbsent(province, p -> Stack.office(p));
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(stack.ingest.url("/api/v1/reports/batch")))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
