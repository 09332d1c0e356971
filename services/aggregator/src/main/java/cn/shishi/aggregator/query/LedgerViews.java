package cn.shishi.aggregator.query;

import cn.shishi.catalog.RegionLevel;
import cn.shishi.catalog.RegionPath;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The API models of the ledger, and their mapping from its rows. */
final class LedgerViews {
  private LedgerViews() {}

  /** A report as the ledger holds it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(
      UUID reportId,
      String status,
      String officeId,
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
      int kafkaPartition,
      long kafkaOffset,
      Instant withdrawnAt,
      String withdrawalReason) {}

  /** A page of reports; {@code next} is the cursor for the following page, if any. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Page(List<Report> reports, String next) {}

  /** A rollup cell a report counts in. */
  record Cell(String regionCode, String level, LocalDate day, String program, String taskType) {}

  /** Everything the ledger knows of one report id. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Trace(
      UUID reportId,
      String status,
      Report report,
      List<Cell> countsIn,
      List<Duplicate> duplicates,
      List<Withdrawal> withdrawals,
      List<String> rejections,
      List<String> otherOffices) {}

  /** A later delivery of the same id; {@code event} is kept when its content differed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Duplicate(boolean sameContent, String officeId, Instant processedAt, String event) {}

  /** A withdrawal and what became of it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Withdrawal(
      String officeId,
      String filedBy,
      boolean byAdmin,
      String reason,
      String outcome,
      String detail,
      Instant processedAt) {}

  static Report report(LedgerEntry r) {
    return new Report(
        r.reportId(),
        r.status().toLowerCase(),
        r.officeId(),
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
        r.kafkaPartition(),
        r.kafkaOffset(),
        r.withdrawnAt(),
        r.withdrawalReason());
  }

  /** The three cells a counted report is in; none once it is withdrawn. */
  static List<Cell> cells(LedgerEntry r) {
    if (!r.counted()) {
      return List.of();
    }
    RegionPath path = RegionPath.of(r.regionCode());
    return Arrays.stream(RegionLevel.values())
        .map(
            level ->
                new Cell(
                    path.at(level), level.name().toLowerCase(), r.day(), r.program(), r.taskType()))
        .toList();
  }

  static Duplicate duplicate(DuplicateEntry d) {
    return new Duplicate(
        d.sameContent(), d.officeId(), d.processedAt(), d.sameContent() ? null : d.event());
  }

  static Withdrawal withdrawal(WithdrawalEntry w) {
    return new Withdrawal(
        w.officeId(),
        w.filedBy(),
        w.byAdmin(),
        w.reason(),
        w.outcome().toLowerCase(),
        w.detail(),
        w.processedAt());
  }
}
