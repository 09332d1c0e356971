package cn.shishi.aggregator.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The events of the {@code task-reports} topic, schema version 1, as the aggregator reads them. The
 * contract is docs/events.md; its samples are docs/events/*.v1.json.
 */
final class ReportEvents {
  static final String TYPE_HEADER = "shishi-event-type";
  static final String FILED = "report-filed";
  static final String WITHDRAWN = "report-withdrawn";
  static final int SCHEMA_VERSION = 1;

  private ReportEvents() {}

  record Filed(
      Integer schemaVersion,
      UUID reportId,
      String officeId,
      String regionCode,
      String program,
      String taskType,
      Integer quantity,
      Integer beneficiaries,
      OffsetDateTime completedAt,
      String note,
      Instant receivedAt) {}

  record Withdrawn(
      Integer schemaVersion,
      UUID reportId,
      String officeId,
      String officeRegion,
      String reason,
      Instant receivedAt) {}
}
