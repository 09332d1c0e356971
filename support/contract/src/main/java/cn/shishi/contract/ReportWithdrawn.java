package cn.shishi.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code report-withdrawn} event, schema version 1 (docs/events.md; sample
 * docs/events/report-withdrawn.v1.json). Keyed by the office's province, like its reports. Any
 * member of the office may withdraw its reports ({@code filedBy} says who); an admin may withdraw
 * any office's report ({@code byAdmin}), naming it by {@code officeId} and the report's region.
 */
public record ReportWithdrawn(
    Integer schemaVersion,
    UUID reportId,
    String officeId,
    String officeRegion,
    String reason,
    Instant receivedAt,
    String filedBy,
    Boolean byAdmin) {

  /** The record key: the office's province, the partition of the office's own reports. */
  public String partitionKey() {
    return officeRegion.substring(0, 2);
  }
}
