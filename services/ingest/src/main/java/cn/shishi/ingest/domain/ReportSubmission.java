package cn.shishi.ingest.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A completed-task report as an office submits it (the body of {@code POST /api/v1/reports}).
 * Fields are nullable here: {@link ReportValidator} says what is missing, all at once.
 */
public record ReportSubmission(
    UUID reportId,
    String regionCode,
    String program,
    String taskType,
    Integer quantity,
    Integer beneficiaries,
    OffsetDateTime completedAt,
    String note) {}
