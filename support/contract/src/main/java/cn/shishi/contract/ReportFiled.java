package cn.shishi.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The {@code report-filed} event, schema version 1 (docs/events.md; sample
 * docs/events/report-filed.v1.json). Fields are boxed so that a reader can tell a missing value
 * from zero; {@link EventConstraints} says whether an event can be stored. {@code officeId} is the
 * office the report belongs to; {@code filedBy}, the person who filed it (absent in events written
 * before it was added).
 */
public record ReportFiled(
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
    Instant receivedAt,
    String filedBy) {}
