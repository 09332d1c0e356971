package cn.shishi.ingest.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code report-withdrawn} event, schema version 1 (docs/events.md; sample
 * docs/events/report-withdrawn.v1.json). Keyed by the office's province, like its reports.
 */
public record ReportWithdrawnEvent(
    int schemaVersion,
    UUID reportId,
    String officeId,
    String officeRegion,
    String reason,
    Instant receivedAt) {

  public static final String TYPE = "report-withdrawn";
}
