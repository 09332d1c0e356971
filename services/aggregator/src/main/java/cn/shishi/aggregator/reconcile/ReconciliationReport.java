package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.apply.Totals;
import cn.shishi.aggregator.offsets.OffsetAnomaly;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The API model of a reconciliation: is every figure sound, and if not, where not. {@code
 * consistent} needs no drift and no open offset anomaly.
 */
public record ReconciliationReport(
    Instant checkedAt,
    boolean consistent,
    int drift,
    long pendingRecords,
    List<Cell> cells,
    List<Partition> partitions,
    List<OffsetAnomaly> offsetAnomalies) {

  /**
   * A rollup cell that disagrees with the ledger: a day cell, a month cell ({@code day} is the
   * month's first day; compared with the sum of its day cells) or an all-time province total
   * ({@code day} is null).
   */
  public record Cell(
      String period,
      String regionCode,
      LocalDate day,
      String program,
      String taskType,
      Totals stored,
      Totals fromLedger) {}

  /** A partition's applied position against its log; pending is never clamped. */
  public record Partition(
      int partition, long storedOffset, long logStart, long endOffset, long pending) {}

  static ReconciliationReport from(Reconciliation reconciliation) {
    return new ReconciliationReport(
        reconciliation.checkedAt(),
        reconciliation.drift() == 0 && reconciliation.offsetAnomalies().isEmpty(),
        reconciliation.drift(),
        reconciliation.pending(),
        reconciliation.cells().stream()
            .map(
                c ->
                    new Cell(
                        c.period(),
                        c.cell().regionCode(),
                        c.cell().day(),
                        c.cell().program(),
                        c.cell().taskType(),
                        c.stored(),
                        c.fromLedger()))
            .toList(),
        reconciliation.partitions().stream()
            .map(
                p ->
                    new Partition(
                        p.partition(), p.storedOffset(), p.logStart(), p.endOffset(), p.pending()))
            .toList(),
        reconciliation.offsetAnomalies());
  }
}
