package cn.shishi.aggregator.office;

import cn.shishi.aggregator.jdbc.Sql;
import cn.shishi.aggregator.query.LedgerEntry;
import cn.shishi.aggregator.query.QueryTimeouts;
import cn.shishi.aggregator.query.ReadStatements;
import cn.shishi.aggregator.query.ReportHistory;
import cn.shishi.aggregator.query.WithdrawalEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One office's part of the ledger, newest first, through the index on (office_id, received_at).
 * Every query of the ledger's tables names the office: nothing here can read another office's
 * reports or withdrawals. Dead letters are the exception, read by report id: their office is in the
 * record as it came ({@link OfficeReports}).
 */
@ApplicationScoped
public class OfficeQueries {
  private final ReadStatements statements;
  private final ReportHistory history;
  private final Duration timeout;

  public OfficeQueries(ReadStatements statements, ReportHistory history, QueryTimeouts timeouts) {
    this.statements = statements;
    this.history = history;
    // An office reads as much as a manager: its own reports, a small part of the ledger.
    this.timeout = timeouts.manager();
  }

  /** A dead letter's reason and detail, and the record as it came. */
  public record DeadLetter(String reason, String detail, byte[] payload) {}

  /** Up to {@code limit} of the office's reports received before the cursor, newest first. */
  public List<LedgerEntry> page(
      String office, OfficeFilter filter, Optional<OfficeCursor> before, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(LedgerEntry.COLUMNS)
            .append(" FROM report WHERE office_id = ?");
    List<Object> params = new ArrayList<>(List.of(office));
    filter.program().ifPresent(p -> Sql.and(sql, params, "program = ?", p));
    filter.taskType().ifPresent(t -> Sql.and(sql, params, "task_type = ?", t));
    filter.from().ifPresent(from -> Sql.and(sql, params, "day >= ?", from));
    filter.to().ifPresent(to -> Sql.and(sql, params, "day <= ?", to));
    before.ifPresent(
        cursor -> {
          sql.append(" AND (received_at < ? OR (received_at = ? AND report_id < ?))");
          params.add(cursor.receivedAt().atOffset(ZoneOffset.UTC));
          params.add(cursor.receivedAt().atOffset(ZoneOffset.UTC));
          params.add(cursor.reportId());
        });
    sql.append(" ORDER BY received_at DESC, report_id DESC LIMIT ?");
    params.add(limit);
    return statements.list(sql.toString(), params, timeout, LedgerEntry::read);
  }

  /** The office's report with this id, if the ledger has it. */
  public Optional<LedgerEntry> find(String office, UUID reportId) {
    return statements
        .list(
            "SELECT " + LedgerEntry.COLUMNS + " FROM report WHERE office_id = ? AND report_id = ?",
            List.of(office, reportId),
            timeout,
            LedgerEntry::read)
        .stream()
        .findFirst();
  }

  /** The withdrawals of the report that the office asked for (or an admin did on its behalf). */
  public List<WithdrawalEntry> withdrawals(String office, UUID reportId) {
    return history.withdrawals(reportId, Optional.of(office), timeout);
  }

  /** How many later deliveries of the report's id the office sent. */
  public long duplicates(String office, UUID reportId) {
    return history.duplicateCount(reportId, office, timeout);
  }

  /** Each month's counted reports of the office, by program and task type, newest month first. */
  public List<OfficeViews.Month> months(String office, OfficeFilter filter) {
    return statements.list(
        "SELECT to_char(day, 'YYYY-MM'), program, task_type, count(*), sum(quantity),"
            + " sum(beneficiaries) FROM report"
            + " WHERE office_id = ? AND status = 'COUNTED'"
            + " AND (? = '' OR program = ?) AND (? = '' OR task_type = ?)"
            + " AND day >= ? AND day <= ?"
            + " GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3",
        List.of(
            office,
            filter.program().orElse(""),
            filter.program().orElse(""),
            filter.taskType().orElse(""),
            filter.taskType().orElse(""),
            filter.from().orElse(LocalDate.of(1, 1, 1)),
            filter.to().orElse(LocalDate.of(9999, 12, 31))),
        timeout,
        row ->
            new OfficeViews.Month(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6)));
  }

  /** The reasons and payloads of the dead letters that carry this report id. */
  public List<DeadLetter> deadLetters(UUID reportId) {
    return statements.list(
        "SELECT reason, detail, payload FROM dead_letter WHERE report_id = ? ORDER BY id",
        List.of(reportId),
        timeout,
        row -> new DeadLetter(row.getString(1), row.getString(2), row.getBytes(3)));
  }
}
