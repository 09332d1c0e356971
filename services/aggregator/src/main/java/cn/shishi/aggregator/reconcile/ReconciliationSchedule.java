package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.config.ScheduleInterval;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reconciles soon after the start and then every {@code shishi.aggregator.reconciliation-interval},
 * so that the drift gauge (and its alert) says something true without anyone asking. Each run
 * checks the next of {@code reconciliation-slices} shares of the provinces: checking everything at
 * once took a minute of both cores on a 12-million-report ledger, every time. Each run first takes
 * in the checks kept in the database (every instance's), so that the gauge is whole from the first
 * run after a start and agrees between instances, then checks the share checked longest ago by any
 * instance; it checks everything only when some share has no kept check (the first start after V19,
 * or a new slice count). A share is checked again once a round (slices × interval, an hour by
 * default) has passed since any instance checked it, so the instances together check each share
 * about once a round however many of them run: before, each instance checked a share every
 * interval, and three instances read the ledger three times as often as one (B6, 2026-12-05). The
 * checks' times and the run's "now" are the database's, so that the instances' clocks need not
 * agree. While the consumer is catching up on a backlog a run waits, up to {@code
 * reconciliation-max-deferral}, so that the two do not share the database's cores.
 */
@ApplicationScoped
public class ReconciliationSchedule {
  private static final Logger LOG = Logger.getLogger(ReconciliationSchedule.class);

  private final ReconciliationService reconciliation;
  private final PartitionPositions positions;
  private final Clock clock;
  private final long deferAbove;
  private final Duration maxDeferral;
  private final Duration interval;
  private Instant lastRun;

  /**
   * With the schedule on, exports what its alert compares ({@link ReconciliationDeadline}); with it
   * {@code off}, nothing, so that the alert stays quiet where no check is meant to run.
   */
  @Inject
  public ReconciliationSchedule(
      ReconciliationService reconciliation,
      PartitionPositions positions,
      AggregatorConfig config,
      Clock clock,
      MeterRegistry registry) {
    this(
        reconciliation,
        positions,
        clock,
        config.reconciliationDeferAbove(),
        config.reconciliationMaxDeferral(),
        ScheduleInterval.parse(config.reconciliationInterval()));
    ReconciliationDeadline.register(
        registry,
        reconciliation::newestCheck,
        config.reconciliationSlices(),
        interval,
        maxDeferral);
  }

  /**
   * A run defers while more than {@code deferAbove} records are pending, up to {@code maxDeferral};
   * runs come every {@code interval}.
   */
  ReconciliationSchedule(
      ReconciliationService reconciliation,
      PartitionPositions positions,
      Clock clock,
      long deferAbove,
      Duration maxDeferral,
      Duration interval) {
    this.reconciliation = reconciliation;
    this.positions = positions;
    this.clock = clock;
    this.deferAbove = deferAbove;
    this.maxDeferral = maxDeferral;
    this.interval = interval;
    this.lastRun = clock.instant();
  }

  /**
   * Whether to reconcile now, with {@code pending} records still to apply and the last run (or the
   * start) at {@code lastRun}.
   */
  static boolean due(
      long pending, Instant lastRun, Instant now, long deferAbove, Duration maxDeferral) {
    return pending <= deferAbove || !now.isBefore(lastRun.plus(maxDeferral));
  }

  /**
   * What a run at {@code now} checks, if anything, given when each slice's newest kept check
   * started ({@link Instant#MIN} for never) and the schedule's {@code interval}: everything if some
   * slice was never checked, so that the drift gauge is whole; else the slice checked longest ago,
   * once a round (slices × interval) less half an interval has passed since that check, and three
   * quarters of an interval since the newest check of any slice. The half interval is the timers'
   * play: one instance, whose runs come a round apart for each slice and an interval apart, checks
   * a slice at every run, as before. The three quarters space the group's checks: several
   * instances' timers fire more often than one's, and without them the round's slices were all
   * checked in its first minutes, one at each instance's run, then none for the rest of the hour. A
   * failed check leaves its slice the oldest, to be tried again.
   */
  static Optional<ProvinceSlice> nextSlice(
      List<Instant> checkedAt, Instant now, Duration interval) {
    if (checkedAt.contains(Instant.MIN)) {
      return Optional.of(ProvinceSlice.ALL);
    }
    int oldest = 0;
    Instant newest = checkedAt.get(0);
    for (int index = 1; index < checkedAt.size(); index++) {
      if (checkedAt.get(index).isBefore(checkedAt.get(oldest))) {
        oldest = index;
      }
      if (checkedAt.get(index).isAfter(newest)) {
        newest = checkedAt.get(index);
      }
    }
    Duration round = interval.multipliedBy(checkedAt.size()).minus(interval.dividedBy(2));
    Duration spacing = interval.multipliedBy(3).dividedBy(4);
    boolean due =
        !now.isBefore(checkedAt.get(oldest).plus(round)) && !now.isBefore(newest.plus(spacing));
    return due ? Optional.of(new ProvinceSlice(oldest, checkedAt.size())) : Optional.empty();
  }

  /**
   * Every {@code shishi.aggregator.reconciliation-interval} (5 min; {@code off} turns it off, as
   * the tests do, so that the gauge they read is the answer they asked for), the first run 5 s
   * after the start. A run still going when the next is due is not doubled.
   */
  @Scheduled(
      every = "${shishi.aggregator.reconciliation-interval}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void reconcile() {
    try {
      SliceCheckTimes kept = reconciliation.restore();
      Optional<ProvinceSlice> next = nextSlice(kept.checkedAt(), kept.now(), interval);
      // The deferral is this instance's own affair, timed by its own clock.
      Instant now = clock.instant();
      if (next.isEmpty()) {
        // Checked within the round, by this instance or another: nothing is due, nor deferred.
        lastRun = now;
        return;
      }
      long pending =
          positions.read().stream().mapToLong(Reconciliation.PartitionPosition::pending).sum();
      if (!due(pending, lastRun, now, deferAbove, maxDeferral)) {
        LOG.debugf("reconciliation deferred: %d records to apply first", pending);
        return;
      }
      lastRun = now;
      ProvinceSlice slice = next.get();
      Reconciliation result = reconciliation.reconcile(slice);
      if (result.drift() > 0) {
        LOG.errorf(
            "reconciliation of provinces %s: %d rollup cells disagree with the ledger",
            slice.provinceCodes(), result.drift());
      }
    } catch (RuntimeException e) {
      LOG.warnf("reconciliation could not run: %s", e.toString());
    }
  }
}
