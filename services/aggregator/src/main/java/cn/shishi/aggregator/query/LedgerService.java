package cn.shishi.aggregator.query;

import cn.shishi.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger as auditors read it: which reports make up a figure, and what became of each. */
@ApplicationScoped
public class LedgerService {
  private final LedgerQueries ledger;

  public LedgerService(LedgerQueries ledger) {
    this.ledger = ledger;
  }

  /** A page of reports in report-id order, and the cursor of the next. */
  public LedgerViews.Page list(LedgerQueries.Filter filter, int pageSize) {
    List<LedgerEntry> rows = ledger.list(filter, pageSize + 1);
    boolean more = rows.size() > pageSize;
    List<LedgerViews.Report> page = rows.stream().limit(pageSize).map(LedgerViews::report).toList();
    return new LedgerViews.Page(
        page, more ? page.get(page.size() - 1).reportId().toString() : null);
  }

  /**
   * The report, its status, the cells it counts in, its duplicates and its withdrawals. An id that
   * several offices used names several reports: {@code office} picks one (the first office in order
   * when absent), and the trace names the others.
   */
  public LedgerViews.Trace trace(UUID reportId, Optional<String> office) {
    List<LedgerEntry> reports = ledger.find(reportId);
    Optional<LedgerEntry> report =
        reports.stream()
            .filter(r -> office.isEmpty() || r.officeId().equals(office.get()))
            .findFirst();
    List<String> otherOffices =
        reports.stream()
            .map(LedgerEntry::officeId)
            .filter(id -> report.isEmpty() || !id.equals(report.get().officeId()))
            .toList();
    List<String> rejections = ledger.deadLetterReasons(reportId);
    if (report.isEmpty() && rejections.isEmpty()) {
      throw new ProblemException(
          Response.Status.NOT_FOUND, "not-found", "ledger.report.not-found", reportId.toString());
    }
    return new LedgerViews.Trace(
        reportId,
        report.map(r -> r.status().toLowerCase()).orElse("rejected"),
        report.map(LedgerViews::report).orElse(null),
        report.map(LedgerViews::cells).orElse(List.of()),
        ledger.duplicates(reportId).stream().map(LedgerViews::duplicate).toList(),
        ledger.withdrawals(reportId, report.map(LedgerEntry::officeId)).stream()
            .map(LedgerViews::withdrawal)
            .toList(),
        rejections.isEmpty() ? null : rejections,
        otherOffices.isEmpty() ? null : otherOffices);
  }
}
