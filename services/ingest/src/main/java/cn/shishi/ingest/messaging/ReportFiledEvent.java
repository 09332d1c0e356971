package cn.shishi.ingest.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The {@code report-filed} event, schema version 1, as written to {@code task-reports}. The
 * contract is docs/events.md; docs/events/report-filed.v1.json is its sample.
 */
public record ReportFiledEvent(
    int schemaVersion,
    UUID reportId,
    String officeId,
    String regionCode,
    String program,
    String taskType,
    int quantity,
    int beneficiaries,
    OffsetDateTime completedAt,
    String note,
    Instant receivedAt) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "report-filed";
}
