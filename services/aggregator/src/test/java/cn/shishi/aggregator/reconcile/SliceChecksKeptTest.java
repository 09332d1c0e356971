package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.offsets.OffsetGuard;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each reconciliation found per slice outlives the instance, for the next start. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class SliceChecksKeptTest {
  private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Inject DataSource dataSource;
  @Inject ReconciliationService reconciliation;
  @Inject SliceCheckRepository checks;
  @Inject MeterRegistry registry;
  @Inject PartitionPositions positions;
  @Inject DriftRepository rollups;
  @Inject OffsetGuard offsets;
  @Inject AuditLog audit;
  @Inject AggregatorConfig config;

  private final Pipeline pipeline = new Pipeline();

  @AfterEach
  void close() throws Exception {
    pipeline.close();
    execute("DELETE FROM reconciliation_slice_check WHERE slices <> 12");
  }

  @Test
  void aSlicesCheckIsKeptWithWhatItFound() throws Exception {
    pipeline.file(Pipeline.report("350105", "2021-05-07T09:00:00+08:00", 2));
    Pipeline.awaitDrained();
    execute(
        "UPDATE rollup_shard SET beneficiaries = beneficiaries + 7"
            + " WHERE region_code = '350105' AND day = '2021-05-07'");
    try {
      ProvinceSlice fujian = ProvinceSlice.holding("35", 12);
      Reconciliation found = reconciliation.reconcile(fujian);

      assertThat(found.drift()).isPositive();
      assertThat(checks.load(12))
          .filteredOn(check -> check.slice().equals(fujian))
          .singleElement()
          .extracting(SliceCheck::driftCells)
          .isEqualTo(found.drift());
    } finally {
      Pipeline.rebuild();
    }
    reconciliation.reconcile(ProvinceSlice.holding("35", 12));
  }

  @Test
  void aRestartedGaugeKnowsEverySliceFromTheKeptChecksOfOneCheckOfEverything() throws Exception {
    execute("DELETE FROM reconciliation_slice_check");

    reconciliation.reconcile(Actor.of("test"));

    List<SliceCheck> kept = checks.load(12);
    assertThat(kept)
        .hasSize(12)
        .extracting(SliceCheck::startedAt)
        .containsOnly(kept.get(0).startedAt());
    SliceDrift restarted = new SliceDrift(12);
    restarted.restore(kept);
    assertThat(restarted.checkedAt()).doesNotContain(Instant.MIN);
    Instant anHourLater = kept.get(0).startedAt().plus(Duration.ofHours(1));
    assertThat(ReconciliationSchedule.nextSlice(restarted.checkedAt(), anHourLater, FIVE_MINUTES))
        .contains(new ProvinceSlice(0, 12));
  }

  @Test
  void theGaugeTakesInAnotherInstancesNewerCheck() throws Exception {
    reconciliation.reconcile(Actor.of("test"));
    assertThat(gauge()).isZero();

    // Another instance's check of 浙江's slice, newer than this instance's, found 4 cells.
    Instant another = Pipeline.databaseClock(dataSource);
    checks.save(List.of(new SliceCheck(ProvinceSlice.holding("33", 12), another, 4)));
    reconciliation.restore();

    assertThat(gauge()).isEqualTo(4.0);
    assertThat(reconciliation.newestCheck()).as("the newest check, the other's").isEqualTo(another);
    reconciliation.reconcile(Actor.of("test"));
    assertThat(gauge()).isZero();
  }

  @Test
  void everyScheduledRunTakesInTheKeptChecksEvenWhenABacklogDefersItsOwn() throws Exception {
    reconciliation.reconcile(Actor.of("test"));
    Instant everything = checks.load(12).get(0).startedAt();
    ProvinceSlice zhejiang = ProvinceSlice.holding("33", 12);
    checks.save(List.of(new SliceCheck(zhejiang, Pipeline.databaseClock(dataSource), 4)));

    // Every run counts as behind a backlog: nothing pending is still more than -1.
    schedule(-1).reconcile();

    assertThat(gauge()).as("another instance's check, taken in by a deferred run").isEqualTo(4.0);
    assertThat(checks.load(12))
        .as("the deferred run checked nothing")
        .filteredOn(check -> !check.slice().equals(zhejiang))
        .extracting(SliceCheck::startedAt)
        .containsOnly(everything);

    schedule(10_000).reconcile();

    assertThat(startOfSliceZero())
        .as("a run that is due checks the slice checked longest ago: the first of the tied")
        .isAfter(everything);
    assertThat(gauge()).as("浙江's cells are not in slice 0").isEqualTo(4.0);
    reconciliation.reconcile(Actor.of("test"));
    assertThat(gauge()).isZero();
  }

  @Test
  void aScheduledRunChecksNothingWithinTheRoundOfAnotherInstancesCheckEvenWithItsClockAhead() {
    reconciliation.reconcile(Actor.of("test"));
    Instant everything = checks.load(12).get(0).startedAt();
    Clock twoHoursAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

    schedule(twoHoursAhead, FIVE_MINUTES).reconcile();

    assertThat(checks.load(12))
        .as("every slice was checked moments ago, by the database's clock")
        .extracting(SliceCheck::startedAt)
        .containsOnly(everything);
    schedule(twoHoursAhead, Duration.ZERO).reconcile();
    assertThat(startOfSliceZero())
        .as("the same schedule checks when a slice is due: the run above was not swallowed")
        .isAfter(everything);
  }

  @Test
  void aScheduledRunWithItsClockBehindChecksTheSliceThatIsDue() {
    reconciliation.reconcile(Actor.of("test"));
    Instant everything = checks.load(12).get(0).startedAt();

    // No interval: a slice is due again the moment after its check, by the database's clock.
    schedule(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)), Duration.ZERO).reconcile();

    assertThat(startOfSliceZero())
        .as("due by the database's clock, if not by the instance's")
        .isAfter(everything);
  }

  @Test
  void aChecksStartIsKeptByTheDatabasesClockNotTheInstances() throws Exception {
    ReconciliationService twoHoursAhead =
        new ReconciliationService(
            rollups,
            checks,
            positions,
            offsets,
            audit,
            Clock.offset(Clock.systemUTC(), Duration.ofHours(2)),
            config,
            new SimpleMeterRegistry());
    ProvinceSlice fujian = ProvinceSlice.holding("35", 12);
    Instant before = Pipeline.databaseClock(dataSource);

    QuarkusTransaction.requiringNew().run(() -> twoHoursAhead.reconcile(fujian));

    Instant after = Pipeline.databaseClock(dataSource);
    assertThat(checks.load(12))
        .filteredOn(check -> check.slice().equals(fujian))
        .singleElement()
        .extracting(SliceCheck::startedAt)
        .satisfies(started -> assertThat(started).isBetween(before, after));
  }

  @Test
  void aCheckWithAnotherSliceCountForgetsTheKeptOnes() {
    checks.save(List.of(new SliceCheck(new ProvinceSlice(3, 7), T0, 0)));

    checks.save(List.of(new SliceCheck(new ProvinceSlice(2, 5), T0, 0)));

    assertThat(checks.load(7)).isEmpty();
    assertThat(checks.load(5)).hasSize(1);
    reconciliation.reconcile(Actor.of("test"));
    assertThat(checks.load(5)).isEmpty();
  }

  @Test
  void anOlderCheckFinishingLaterDoesNotReplaceTheKeptOne() {
    ProvinceSlice slice = new ProvinceSlice(3, 7);
    checks.save(List.of(new SliceCheck(slice, T0.plusSeconds(60), 0)));

    checks.save(List.of(new SliceCheck(slice, T0, 5)));

    assertThat(checks.load(7)).containsExactly(new SliceCheck(slice, T0.plusSeconds(60), 0));
  }

  /**
   * A schedule that defers while more than {@code deferAbove} records are pending, and whose
   * interval (none) makes every slice due at every run.
   */
  private ReconciliationSchedule schedule(long deferAbove) {
    return new ReconciliationSchedule(
        reconciliation,
        positions,
        Clock.systemUTC(),
        deferAbove,
        Duration.ofHours(1),
        Duration.ZERO);
  }

  /**
   * A schedule on {@code clock} with runs every {@code interval}, never behind 10,000 records here.
   */
  private ReconciliationSchedule schedule(Clock clock, Duration interval) {
    return new ReconciliationSchedule(
        reconciliation, positions, clock, 10_000, Duration.ofHours(1), interval);
  }

  private Instant startOfSliceZero() {
    return checks.load(12).stream()
        .filter(check -> check.slice().equals(new ProvinceSlice(0, 12)))
        .map(SliceCheck::startedAt)
        .findFirst()
        .orElseThrow();
  }

  private double gauge() {
    return registry.get("shishi.reconciliation.drift").gauge().value();
  }

  private void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
