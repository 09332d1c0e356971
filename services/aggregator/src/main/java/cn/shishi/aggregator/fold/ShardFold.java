package cn.shishi.aggregator.fold;

import cn.shishi.aggregator.offsets.OffsetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * Folds a past day's or month's cells, or the all-time totals, into one row each, with every batch
 * held off meanwhile, so that no batch writes a row the fold moves (a batch writes only the shards
 * of the partitions it holds and of its writer slot, ADR 0012; the fold writes any). Each fold is
 * its own short transaction, and a day or month with nothing to fold (most of them, after the first
 * run) is only read, the batches going on.
 */
@ApplicationScoped
public class ShardFold {
  private final ShardFoldRepository cells;
  private final OffsetRepository offsets;

  public ShardFold(ShardFoldRepository cells, OffsetRepository offsets) {
    this.cells = cells;
    this.offsets = offsets;
  }

  /** The day cells of {@code day} that had more than one row. */
  @Transactional
  public int foldDay(LocalDate day) {
    if (!cells.shardedDay(day) || !offsets.tryHoldPartitionWriters()) {
      return 0;
    }
    return cells.foldDay(day);
  }

  /**
   * The provinces' all-time totals that had more than one row. Every batch adds to them, but only
   * in its writer slot's shard (ADR 0012), so folded they stay at a row or two a cell; the rows in
   * other shards (those of the partitions before writer slots) would otherwise stay for ever.
   */
  @Transactional
  public int foldProvinceTotals() {
    if (!cells.shardedProvinceTotals() || !offsets.tryHoldPartitionWriters()) {
      return 0;
    }
    return cells.foldProvinceTotals();
  }

  /** The month cells of the month starting on {@code month} that had more than one row. */
  @Transactional
  public int foldMonth(LocalDate month) {
    if (!cells.shardedMonth(month) || !offsets.tryHoldPartitionWriters()) {
      return 0;
    }
    return cells.foldMonth(month);
  }
}
