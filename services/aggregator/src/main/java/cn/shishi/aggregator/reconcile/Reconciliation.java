package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.offsets.OffsetAnomaly;
import java.time.Instant;
import java.util.List;

/**
 * An audit of the aggregator's state: every rollup cell that disagrees with the ledger, every
 * partition's stored offset against Kafka's log (records not yet applied), and the open offset
 * anomalies.
 */
public record Reconciliation(
    Instant checkedAt,
    List<CellDrift> cells,
    List<PartitionPosition> partitions,
    List<OffsetAnomaly> offsetAnomalies) {

  /**
   * Where a partition's applied records end, and where its log starts and ends. Pending is never
   * clamped: negative means the stored offset lies past the log's end (an anomaly).
   */
  public record PartitionPosition(int partition, long storedOffset, long logStart, long endOffset) {
    public long pending() {
      return endOffset - storedOffset;
    }
  }

  /** The number of cells that disagree: the drift gauge. Zero means the figures are sound. */
  public int drift() {
    return cells.size();
  }

  public long pending() {
    return partitions.stream().mapToLong(PartitionPosition::pending).sum();
  }
}
