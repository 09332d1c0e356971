package cn.shishi.contract;

import cn.shishi.contract.partition.PartitionKeys;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code report-withdrawn} event, schema version 1 (docs/events.md; sample
 * docs/events/report-withdrawn.v1.json). Keyed by the office's city, like its reports (ADR 0012).
 * Any member of the office may withdraw its reports ({@code filedBy} says who); an admin may
 * withdraw any office's report ({@code byAdmin}), naming it by {@code officeId} and the filing
 * office's region, or the report's when that is not known (docs/api.md).
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

  /** The record key: the office's city (docs/adr/0012), the partition of its own reports. */
  public String partitionKey() {
    return PartitionKeys.ofOffice(officeRegion);
  }
}
