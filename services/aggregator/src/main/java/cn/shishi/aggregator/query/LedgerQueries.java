package cn.shishi.aggregator.query;

import cn.shishi.aggregator.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger's read side, for auditors: filtered pages in report-id order, and one report. */
@ApplicationScoped
public class LedgerQueries {
  private final ReadStatements statements;
  private final ReportHistory history;
  private final Duration timeout;

  public LedgerQueries(ReadStatements statements, ReportHistory history, QueryTimeouts timeouts) {
    this.statements = statements;
    this.history = history;
    this.timeout = timeouts.auditor();
  }

  /** Which reports to list; absent filters match everything. */
  public record Filter(
      Optional<String> region,
      Optional<String> program,
      Optional<String> taskType,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      Optional<String> office,
      Optional<UUID> after) {}

  /** Up to {@code limit} reports after the cursor, in report-id order (keyset paging). */
  public List<LedgerEntry> list(Filter filter, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ").append(LedgerEntry.COLUMNS).append(" FROM report WHERE true");
    List<Object> params = new ArrayList<>();
    filter
        .region()
        .ifPresent(region -> Sql.and(sql, params, regionColumn(region) + " = ?", region));
    filter.program().ifPresent(p -> Sql.and(sql, params, "program = ?", p));
    filter.taskType().ifPresent(t -> Sql.and(sql, params, "task_type = ?", t));
    filter.office().ifPresent(o -> Sql.and(sql, params, "office_id = ?", o));
    filter.from().ifPresent(from -> Sql.and(sql, params, "day >= ?", from));
    filter.to().ifPresent(to -> Sql.and(sql, params, "day <= ?", to));
    filter.after().ifPresent(after -> Sql.and(sql, params, "report_id > ?", after));
    sql.append(" ORDER BY report_id LIMIT ?");
    params.add(limit);
    return statements.list(sql.toString(), params, timeout, LedgerEntry::read);
  }

  /** A region code's column by its length: a province's two digits, a city's four, a county's. */
  private static String regionColumn(String region) {
    return switch (region.length()) {
      case 2 -> "province_code";
      case 4 -> "city_code";
      default -> "region_code";
    };
  }

  /** The reports with this id: one per office that used it, in office order. */
  public List<LedgerEntry> find(UUID reportId) {
    return statements.list(
        "SELECT " + LedgerEntry.COLUMNS + " FROM report WHERE report_id = ? ORDER BY office_id",
        List.of(reportId),
        timeout,
        LedgerEntry::read);
  }

  /** The id's withdrawals, every office's or only {@code office}'s. */
  public List<WithdrawalEntry> withdrawals(UUID reportId, Optional<String> office) {
    return history.withdrawals(reportId, office, timeout);
  }

  public List<DuplicateEntry> duplicates(UUID reportId) {
    return history.duplicates(reportId, timeout);
  }

  /** The reasons this report was dead-lettered, if it ever was. */
  public List<String> deadLetterReasons(UUID reportId) {
    return statements.list(
        "SELECT reason || ': ' || coalesce(detail, '') FROM dead_letter WHERE report_id = ?"
            + " ORDER BY id",
        List.of(reportId),
        timeout,
        row -> row.getString(1));
  }
}
