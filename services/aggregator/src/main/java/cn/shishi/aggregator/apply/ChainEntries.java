package cn.shishi.aggregator.apply;

import cn.shishi.contract.chain.LedgerEntries;
import java.nio.charset.StandardCharsets;

/** The canonical content of the ledger rows a batch writes, as {@link LedgerEntries} defines it. */
final class ChainEntries {
  private ChainEntries() {}

  static ChainWriter.Entry report(FiledReport report) {
    return new ChainWriter.Entry(
        report.position(),
        LedgerEntries.report(
            report.officeId(),
            report.reportId(),
            report.regionCode(),
            report.program(),
            report.taskType(),
            report.quantity(),
            report.beneficiaries(),
            report.completedAt().toInstant(),
            report.day(),
            report.note(),
            report.receivedAt(),
            report.filedBy(),
            report.position().partition(),
            report.position().offset()));
  }

  static ChainWriter.Entry duplicate(FiledReport duplicate, boolean sameContent) {
    return new ChainWriter.Entry(
        duplicate.position(),
        LedgerEntries.duplicate(
            duplicate.reportId(),
            duplicate.officeId(),
            sameContent,
            new String(duplicate.event(), StandardCharsets.UTF_8),
            duplicate.position().partition(),
            duplicate.position().offset()));
  }

  static ChainWriter.Entry withdrawal(Withdrawal withdrawal, WithdrawalResult result) {
    return new ChainWriter.Entry(
        withdrawal.position(),
        LedgerEntries.withdrawal(
            withdrawal.reportId(),
            withdrawal.officeId(),
            withdrawal.reason(),
            result.isApplied() ? "APPLIED" : "REJECTED",
            result.isApplied() ? null : result.refusal(),
            withdrawal.receivedAt(),
            withdrawal.filedBy(),
            withdrawal.byAdmin(),
            withdrawal.position().partition(),
            withdrawal.position().offset()));
  }

  static ChainWriter.Entry deadLetter(DeadLetter letter) {
    return new ChainWriter.Entry(
        letter.position(),
        LedgerEntries.deadLetter(
            letter.record().topic(),
            letter.reason(),
            Detail.storable(letter.detail()),
            letter.reportId(),
            letter.record().key(),
            letter.record().value(),
            letter.position().partition(),
            letter.position().offset()));
  }
}
