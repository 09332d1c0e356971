package cn.shishi.aggregator.apply;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to take one of an office's reports out of every total: by a member of the office, or by
 * an admin ({@code byAdmin}).
 */
public record Withdrawal(
    UUID reportId,
    String officeId,
    String reason,
    Instant receivedAt,
    RecordPosition position,
    String filedBy,
    boolean byAdmin)
    implements BatchItem {}
