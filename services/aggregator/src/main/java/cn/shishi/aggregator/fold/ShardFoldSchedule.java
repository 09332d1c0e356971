package cn.shishi.aggregator.fold;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.contract.report.ReportValidator;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Every {@code shishi.aggregator.shard-fold-interval}, folds the shard rows of the last {@code
 * shard-fold-days} days' cells (and of the months those days end) into one row a cell. A batch
 * writes a province's cells into the shard of its own partitions, so a province's day cell ends a
 * day with about ten rows (a B2 drain, 2026-12-04), and every question about provinces read them
 * all: every province over a year read ten times the month rows (B4 in docs/benchmarks.md). Late
 * reports for a folded day add rows again; the next run folds them.
 */
@ApplicationScoped
public class ShardFoldSchedule {
  private static final Logger LOG = Logger.getLogger(ShardFoldSchedule.class);

  private final ShardFold fold;
  private final Clock clock;
  private final int days;

  public ShardFoldSchedule(ShardFold fold, Clock clock, AggregatorConfig config) {
    this.fold = fold;
    this.clock = clock;
    this.days = config.shardFoldDays();
  }

  /** The first run a minute after the start, out of the way of the start's own work. */
  @Scheduled(
      every = "${shishi.aggregator.shard-fold-interval}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    long started = System.nanoTime();
    try {
      int cells = foldWindow(LocalDate.now(clock.withZone(ReportValidator.CHINA)));
      if (cells > 0) {
        LOG.infof(
            "folded the shard rows of %d cells in %d ms",
            cells, Duration.ofNanos(System.nanoTime() - started).toMillis());
      }
    } catch (RuntimeException e) {
      LOG.warnf("folding the shards could not run: %s", e.toString());
    }
  }

  /** Folds the window of {@code today}, one transaction a day or month; the cells folded. */
  int foldWindow(LocalDate today) {
    FoldWindow window = FoldWindow.of(today, days);
    int cells = 0;
    for (LocalDate day : window.days()) {
      cells += fold.foldDay(day);
    }
    for (LocalDate month : window.months()) {
      cells += fold.foldMonth(month);
    }
    return cells;
  }
}
