package cn.shishi.contract.chain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The canonical content of each kind of ledger entry: the fields that never change once written. A
 * report's status, and a dead letter's state, change later (by a withdrawal, a re-drive): they are
 * not in its content; the withdrawal is an entry of its own. The aggregator writes with these, and
 * {@link ChainVerifier} reads with them: one definition for both.
 */
public final class LedgerEntries {
  public static final String REPORT = "report";
  public static final String WITHDRAWAL = "withdrawal";
  public static final String DUPLICATE = "duplicate";
  public static final String DEAD_LETTER = "dead-letter";

  private LedgerEntries() {}

  public static byte[] report(
      String officeId,
      UUID reportId,
      String regionCode,
      String program,
      String taskType,
      long quantity,
      long beneficiaries,
      Instant completedAt,
      LocalDate day,
      String note,
      Instant receivedAt,
      String filedBy,
      int partition,
      long offset) {
    return Canonical.of(REPORT)
        .number(partition)
        .number(offset)
        .text(officeId)
        .uuid(reportId)
        .text(regionCode)
        .text(program)
        .text(taskType)
        .number(quantity)
        .number(beneficiaries)
        .instant(completedAt)
        .day(day)
        .text(note)
        .instant(receivedAt)
        .text(filedBy)
        .toBytes();
  }

  public static byte[] withdrawal(
      UUID reportId,
      String officeId,
      String reason,
      String outcome,
      String detail,
      Instant receivedAt,
      String filedBy,
      boolean byAdmin,
      int partition,
      long offset) {
    return Canonical.of(WITHDRAWAL)
        .number(partition)
        .number(offset)
        .uuid(reportId)
        .text(officeId)
        .text(reason)
        .text(outcome)
        .text(detail)
        .instant(receivedAt)
        .text(filedBy)
        .flag(byAdmin)
        .toBytes();
  }

  public static byte[] duplicate(
      UUID reportId,
      String officeId,
      boolean sameContent,
      String event,
      int partition,
      long offset) {
    return Canonical.of(DUPLICATE)
        .number(partition)
        .number(offset)
        .uuid(reportId)
        .text(officeId)
        .flag(sameContent)
        .text(event)
        .toBytes();
  }

  public static byte[] deadLetter(
      String topic,
      String reason,
      String detail,
      UUID reportId,
      byte[] key,
      byte[] payload,
      int partition,
      long offset) {
    return Canonical.of(DEAD_LETTER)
        .number(partition)
        .number(offset)
        .text(topic)
        .text(reason)
        .text(detail)
        .uuid(reportId)
        .binary(key)
        .binary(payload)
        .toBytes();
  }
}
