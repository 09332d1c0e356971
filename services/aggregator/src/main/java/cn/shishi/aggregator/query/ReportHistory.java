package cn.shishi.aggregator.query;

import cn.shishi.aggregator.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened to a report id after it was filed: its withdrawals and its later deliveries, for an
 * auditor's trace (every office's, or the traced report's office's) and for an office's own trace
 * (its own only, filtered in SQL so that nothing of another office is ever read for it).
 */
@ApplicationScoped
public class ReportHistory {
  private final ReadStatements statements;

  public ReportHistory(ReadStatements statements) {
    this.statements = statements;
  }

  /** The withdrawals of the id, applied or rejected, of {@code office} only when one is given. */
  public List<WithdrawalEntry> withdrawals(
      UUID reportId, Optional<String> office, Duration timeout) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(WithdrawalEntry.COLUMNS)
            .append(" FROM report_withdrawal WHERE report_id = ?");
    List<Object> params = new ArrayList<>(List.of(reportId));
    office.ifPresent(o -> Sql.and(sql, params, "office_id = ?", o));
    sql.append(" ORDER BY id");
    return statements.list(sql.toString(), params, timeout, WithdrawalEntry::read);
  }

  /** Every later delivery of the id, whichever office sent it. */
  public List<DuplicateEntry> duplicates(UUID reportId, Duration timeout) {
    return statements.list(
        "SELECT "
            + DuplicateEntry.COLUMNS
            + " FROM report_duplicate WHERE report_id = ? ORDER BY id",
        List.of(reportId),
        timeout,
        DuplicateEntry::read);
  }

  /** How many later deliveries of the id {@code office} sent. */
  public long duplicateCount(UUID reportId, String office, Duration timeout) {
    return statements
        .list(
            "SELECT count(*) FROM report_duplicate WHERE report_id = ? AND office_id = ?",
            List.of(reportId, office),
            timeout,
            row -> row.getLong(1))
        .get(0);
  }
}
