package cn.shishi.aggregator.apply;

import java.time.Instant;
import java.util.UUID;

/** An office's request to take one of its reports out of every total. */
public record Withdrawal(
    UUID reportId, String officeId, String reason, Instant receivedAt, RecordPosition position)
    implements BatchItem {}
