package cn.shishi.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code report-withdrawn} event, schema version 1 (docs/events.md; sample
 * docs/events/report-withdrawn.v1.json). Keyed by the office's province, like its reports.
 */
public record ReportWithdrawn(
    Integer schemaVersion,
    UUID reportId,
    String officeId,
    String officeRegion,
    String reason,
    Instant receivedAt) {

  /** The record key: the office's province, the partition of the office's own reports. */
  public String partitionKey() {
    return officeRegion.substring(0, 2);
  }
}
