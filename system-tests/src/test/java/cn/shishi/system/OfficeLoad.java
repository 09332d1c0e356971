package cn.shishi.system;

import cn.shishi.catalog.ProvincePopulation;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import cn.shishi.infra.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Offices of all 31 provinces posting known reports through the ingest's batch endpoint, the way a
 * careful client does: a batch that does not get its 202 (503, a dropped connection, a dead ingest)
 * is sent again with the same ids until it does. Each province files its share of the reports by
 * population (2020 census, at least one batch each), each batch from the province's own office or
 * one of its cities' offices (the keys of task-reports); the batches of all provinces are
 * interleaved. Every report is for one day, so that a case's totals can be told apart from the
 * others'.
 */
final class OfficeLoad {
  private static final ProvincePopulation POPULATION = ProvincePopulation.load();
  private static final Regions REGIONS = Regions.load();
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
    SplittableRandom random = new SplittableRandom(day.toEpochDay());
    List<Batch> all = batches(random);
    batches = all.size() * copies;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (Batch batch : all) {
        for (int copy = 0; copy < copies; copy++) {
          sends.add(
              pool.submit(() -> sendUntilAcknowledged(batch.office(), batch.body(), batch.ids())));
        }
      }
      for (Future<?> send : sends) {
        send.get(GIVE_UP.toMinutes() + 1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One office's batch: the office's region, the request's body and the ids it holds. */
  private record Batch(String office, String body, List<UUID> ids) {}

  /** Every province's share of the reports, in batches, shuffled together. */
  private List<Batch> batches(SplittableRandom random) {
    List<Batch> all = new ArrayList<>();
    int next = 0;
    for (Map.Entry<String, Integer> share : shares().entrySet()) {
      List<String> offices = offices(share.getKey());
      for (int start = 0; start < share.getValue(); start += batchSize) {
        int size = Math.min(batchSize, share.getValue() - start);
        // The province's own office or one of its cities' offices: the keys of task-reports
        // (docs/adr/0012), so that the load reaches every partition as a national one would.
        String office = offices.get(random.nextInt(offices.size()));
        List<String> counties = counties(office);
        List<String> items = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < size; i++, next++) {
          UUID id = UUID.randomUUID();
          int quantity = 1 + next % 7;
          expectedQuantity += quantity;
          ids.add(id);
          items.add(
              """
              {"reportId":"%s","regionCode":"%s","program":"practical-deeds","taskType":"household-visit","quantity":%d,"completedAt":"%sT10:00:00+08:00"}"""
                  .formatted(id, counties.get(random.nextInt(counties.size())), quantity, day));
        }
        all.add(new Batch(office, "{\"reports\":[" + String.join(",", items) + "]}", ids));
      }
    }
    Collections.shuffle(all, new java.util.Random(random.nextLong()));
    return all;
  }

  /**
   * The reports each province files: its population share of the whole, at least one, the
   * remainders given to the largest fractions so that they add up exactly.
   */
  private Map<String, Integer> shares() {
    Map<String, Integer> shares = new TreeMap<>();
    int given = 0;
    for (String province : POPULATION.provinces()) {
      int share = Math.max(1, (int) (reports * POPULATION.share(province)));
      shares.put(province, share);
      given += share;
    }
    List<String> byShare = new ArrayList<>(POPULATION.provinces());
    byShare.sort(Comparator.comparingDouble(POPULATION::share).reversed());
    for (int i = 0; given != reports; i = (i + 1) % byShare.size()) {
      int step = given < reports ? 1 : -1;
      if (shares.get(byShare.get(i)) + step >= 1) {
        shares.merge(byShare.get(i), step, Integer::sum);
        given += step;
      }
    }
    return shares;
  }

  /** The offices filing for a province: its own, and each of its cities'. */
  private static List<String> offices(String province) {
    List<String> offices = new ArrayList<>(List.of(province));
    REGIONS.children(province).forEach(city -> offices.add(city.code()));
    return offices;
  }

  /** The counties (districts and county-level cities) an office of {@code region} files for. */
  private static List<String> counties(String region) {
    List<String> cities =
        region.length() == 2
            ? REGIONS.children(region).stream().map(Region::code).toList()
            : List.of(region);
    List<String> counties = new ArrayList<>();
    for (String city : cities) {
      for (Region county : REGIONS.children(city)) {
        counties.add(county.fullCode());
      }
    }
    return counties.isEmpty() ? List.of((region + "0000").substring(0, 6)) : counties;
  }

  private void sendUntilAcknowledged(String office, String body, List<UUID> ids) {
    Instant deadline = Instant.now().plus(GIVE_UP);
    while (Instant.now().isBefore(deadline)) {
      requests.incrementAndGet();
      int status = post(office, body);
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
  private int post(String office, String body) {
    String token = tokens.computeIfAbsent(office, p -> TestTokens.office(p));
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
