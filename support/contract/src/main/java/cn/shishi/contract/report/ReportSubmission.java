package cn.shishi.contract.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A completed-task report as an office submits it (the body of {@code POST /api/v1/reports}).
 * Fields are nullable here: {@link ReportValidator} says what is missing, all at once. The optional
 * integers may be left out but not sent as {@code null}.
 */
public record ReportSubmission(
    UUID reportId,
    String regionCode,
    String program,
    String taskType,
    @JsonDeserialize(using = OptionalIntegerDeserializer.class) Integer quantity,
    @JsonDeserialize(using = OptionalIntegerDeserializer.class) Integer beneficiaries,
    OffsetDateTime completedAt,
    String note) {}
