package cn.shishi.aggregator.office;

import cn.shishi.aggregator.query.LedgerEntry;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What an office reads of its own reports. */
final class OfficeViews {
  private OfficeViews() {}

  /** One of the office's reports: {@code counted} or {@code withdrawn}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(
      UUID reportId,
      String status,
      String filedBy,
      String regionCode,
      String program,
      String taskType,
      int quantity,
      int beneficiaries,
      Instant completedAt,
      LocalDate day,
      String note,
      Instant receivedAt,
      Instant processedAt,
      Instant withdrawnAt,
      String withdrawalReason) {}

  /** A page, newest first; {@code next} is the cursor of the following page, if any. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Page(List<Report> reports, String next) {}

  /**
   * What became of one report id the office filed: its ledger entry, how often it was delivered
   * again, the withdrawals asked for, and why it was set aside if it was ({@code rejected}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Trace(
      UUID reportId,
      String status,
      Report report,
      long duplicates,
      List<Withdrawal> withdrawals,
      List<Rejection> rejections) {}

  /** A withdrawal of the report and its outcome. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Withdrawal(
      String filedBy, boolean byAdmin, String reason, String outcome, Instant processedAt) {}

  /** Why the aggregator set the report aside as a dead letter. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Rejection(String reason, String detail) {}

  /** The office's counted reports of one month, program and task type. */
  record Month(
      String month,
      String program,
      String taskType,
      long reports,
      long quantity,
      long beneficiaries) {}

  record Months(List<Month> months) {}

  static Report report(LedgerEntry r) {
    return new Report(
        r.reportId(),
        r.status().toLowerCase(Locale.ROOT),
        r.filedBy(),
        r.regionCode(),
        r.program(),
        r.taskType(),
        r.quantity(),
        r.beneficiaries(),
        r.completedAt(),
        r.day(),
        r.note(),
        r.receivedAt(),
        r.processedAt(),
        r.withdrawnAt(),
        r.withdrawalReason());
  }
}
