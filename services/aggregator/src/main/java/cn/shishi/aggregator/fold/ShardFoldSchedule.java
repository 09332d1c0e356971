package cn.shishi.aggregator.fold;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.config.ScheduleInterval;
import cn.shishi.aggregator.jdbc.SharedRuns;
import cn.shishi.contract.report.ReportValidator;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Every {@code shishi.aggregator.shard-fold-interval}, folds the shard rows of the last {@code
 * shard-fold-days} days' cells (and of the months those days end), and the provinces' all-time
 * totals, into one row a cell. Batches write a cell's rows in several shards (ADR 0012): a
 * province's day cell ended a day with about ten rows (a B2 drain, 2026-12-04, before writer
 * slots), and every question about provinces read them all: every province over a year read ten
 * times the month rows (B4 in docs/benchmarks.md). Late reports for a folded day add rows again;
 * the next run folds them. Every instance's timer fires, but a run goes ahead only once half an
 * interval has passed since any instance's (by the database's clock): one instance folds every
 * interval as before, and N instances fold once or twice an interval instead of N times, each fold
 * holding all of their batches off while it folds a day. The window's days are China's on the
 * database's clock too, so that no instance's clock decides which days are past.
 */
@ApplicationScoped
public class ShardFoldSchedule {
  private static final Logger LOG = Logger.getLogger(ShardFoldSchedule.class);
  private static final String TASK = "shard-fold";

  private final ShardFold fold;
  private final SharedRuns runs;
  private final int days;
  private final Duration interval;

  @Inject
  public ShardFoldSchedule(ShardFold fold, SharedRuns runs, AggregatorConfig config) {
    this(fold, runs, config.shardFoldDays(), ScheduleInterval.parse(config.shardFoldInterval()));
  }

  ShardFoldSchedule(ShardFold fold, SharedRuns runs, int days, Duration interval) {
    this.fold = fold;
    this.runs = runs;
    this.days = days;
    this.interval = interval;
  }

  /** The first run a minute after the start, out of the way of the start's own work. */
  @Scheduled(
      every = "${shishi.aggregator.shard-fold-interval}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    long started = System.nanoTime();
    try {
      Optional<Instant> claimed = runs.claim(TASK, interval.dividedBy(2));
      if (claimed.isEmpty()) {
        LOG.debug("the shards were folded by another instance within half an interval");
        return;
      }
      int cells = foldWindow(LocalDate.ofInstant(claimed.get(), ReportValidator.CHINA));
      if (cells > 0) {
        LOG.infof(
            "folded the shard rows of %d cells in %d ms",
            cells, Duration.ofNanos(System.nanoTime() - started).toMillis());
      }
    } catch (RuntimeException e) {
      LOG.warnf("folding the shards could not run: %s", e.toString());
    }
  }

  /**
   * Folds the window of {@code today}, one transaction a day or month; the cells folded. A day or
   * month that fails (a statement timeout, a lost connection) is left for the next run, and the
   * others are folded still.
   */
  int foldWindow(LocalDate today) {
    FoldWindow window = FoldWindow.of(today, days);
    int cells = 0;
    for (LocalDate day : window.days()) {
      cells += folded("day " + day, () -> fold.foldDay(day));
    }
    for (LocalDate month : window.months()) {
      cells += folded("month " + month, () -> fold.foldMonth(month));
    }
    cells += folded("the all-time totals", fold::foldProvinceTotals);
    return cells;
  }

  private static int folded(String what, IntSupplier folding) {
    try {
      return folding.getAsInt();
    } catch (RuntimeException e) {
      LOG.warnf("folding the shards of %s failed, left for the next run: %s", what, e.toString());
      return 0;
    }
  }
}
