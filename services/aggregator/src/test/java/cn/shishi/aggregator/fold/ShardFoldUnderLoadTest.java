package cn.shishi.aggregator.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.reconcile.PartitionPositions;
import cn.shishi.aggregator.reconcile.Reconciliation.PartitionPosition;
import cn.shishi.catalog.ProvincePopulation;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fold runs again and again while batches apply late reports of the day it folds, from all 31
 * provinces weighted by population: a fold either finds the partitions free and folds, or leaves
 * the day to its next run, so no rollup row is written by two transactions and every report is
 * counted once.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ShardFoldUnderLoadTest {
  private static final LocalDate DAY = LocalDate.parse("2018-03-14");
  private static final int REPORTS = 6_000;
  private static final int CHUNK = 500;

  @Inject ShardFold fold;
  @Inject PartitionPositions positions;

  @Test
  void foldsBetweenTheBatchesOfTheDayItFolds() {
    List<ObjectNode> reports = lateReports();
    AtomicInteger foldsWithRecordsPending = new AtomicInteger();
    try (Pipeline pipeline = new Pipeline()) {
      for (int from = 0; from < REPORTS; from += CHUNK) {
        pipeline.fileAll(reports.subList(from, from + CHUNK), ShardFoldUnderLoadTest::office);
        await("the chunk applied, the day folded again and again meanwhile")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> {
                  long pending = pending();
                  if (fold.foldDay(DAY) > 0 && pending > 0) {
                    foldsWithRecordsPending.incrementAndGet();
                  }
                  return pending == 0;
                });
      }
      Pipeline.awaitDrained();
    }
    fold.foldDay(DAY);

    assertThat(foldsWithRecordsPending.get())
        .as("folds of the day that struck while its records were still being applied")
        .isPositive();
    JsonPath byProvince =
        Pipeline.totals(
            Map.of("from", DAY.toString(), "to", DAY.toString(), "groupBy", "province"));
    Map<String, Long> counted = new TreeMap<>();
    byProvince
        .getList("rows", Map.class)
        .forEach(
            row ->
                counted.put(
                    (String) ((Map<?, ?>) row.get("group")).get("province"),
                    ((Number) row.get("reports")).longValue()));
    assertThat(counted).as("every province's reports, once").isEqualTo(perProvince(reports));
    assertThat(counted).hasSize(31);
    assertThat(
            Pipeline.totals(Map.of("from", DAY.toString(), "to", DAY.toString()))
                .getLong("rows[0].quantity"))
        .as("every report's quantity, once")
        .isEqualTo(reports.stream().mapToLong(report -> report.get("quantity").asLong()).sum());
    JsonPath reconciliation = Pipeline.reconciliation();
    assertThat(reconciliation.getBoolean("consistent")).isTrue();
    assertThat(reconciliation.getLong("drift")).isZero();
  }

  /**
   * The key of the office that filed it: its city's for most, its province's for every third (ADR
   * 0012), so that a county's cells have rows in two partitions' shards for the fold to fold.
   */
  private static String office(ObjectNode report) {
    String region = report.get("regionCode").asText();
    return region.substring(0, report.get("quantity").asInt() % 3 == 0 ? 2 : 4);
  }

  private long pending() {
    return positions.read().stream().mapToLong(PartitionPosition::pending).sum();
  }

  /** Reports of {@link #DAY} from counties of provinces drawn by population. */
  private static List<ObjectNode> lateReports() {
    ProvincePopulation population = ProvincePopulation.load();
    Regions regions = Regions.load();
    SplittableRandom random = new SplittableRandom(20180314);
    List<ObjectNode> reports = new ArrayList<>();
    for (String province : population.provinces()) {
      reports.add(report(regions, province, random));
    }
    while (reports.size() < REPORTS) {
      reports.add(report(regions, population.draw(random), random));
    }
    return reports;
  }

  private static ObjectNode report(Regions regions, String province, SplittableRandom random) {
    Region city = pick(regions.children(province), random);
    List<Region> counties = regions.children(city.code());
    Region county = counties.isEmpty() ? city : pick(counties, random);
    return Pipeline.report(county.fullCode(), DAY + "T10:00:00+08:00", 1 + random.nextInt(5));
  }

  private static Region pick(List<Region> regions, SplittableRandom random) {
    return regions.get(random.nextInt(regions.size()));
  }

  private static Map<String, Long> perProvince(List<ObjectNode> reports) {
    Map<String, Long> counts = new TreeMap<>();
    reports.forEach(
        report -> counts.merge(report.get("regionCode").asText().substring(0, 2), 1L, Long::sum));
    return counts;
  }
}
