package cn.shishi.aggregator.office;

import cn.shishi.aggregator.query.LedgerEntry;
import cn.shishi.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An office's own reports, and what became of each: the read side an office clerk needs to follow
 * what was filed. The office is always the caller's own; another office's reports, withdrawals or
 * dead letters are never read or named.
 */
@ApplicationScoped
public class OfficeReports {
  private final OfficeQueries queries;
  private final ObjectMapper json;

  public OfficeReports(OfficeQueries queries, ObjectMapper json) {
    this.queries = queries;
    this.json = json;
  }

  public OfficeViews.Page page(
      String office, OfficeFilter filter, Optional<OfficeCursor> before, int pageSize) {
    List<LedgerEntry> rows = queries.page(office, filter, before, pageSize + 1);
    List<LedgerEntry> page = rows.stream().limit(pageSize).toList();
    String next =
        rows.size() > pageSize
            ? new OfficeCursor(
                    page.get(page.size() - 1).receivedAt(), page.get(page.size() - 1).reportId())
                .text()
            : null;
    return new OfficeViews.Page(page.stream().map(OfficeViews::report).toList(), next);
  }

  /** The report with this id that the office filed; 404 while the ledger knows nothing of it. */
  public OfficeViews.Trace trace(String office, UUID reportId) {
    Optional<OfficeViews.Report> report = queries.find(office, reportId).map(OfficeViews::report);
    List<OfficeViews.Rejection> rejections = rejections(office, reportId);
    if (report.isEmpty() && rejections.isEmpty()) {
      throw new ProblemException(
          Response.Status.NOT_FOUND, "not-found", "office.report.not-found", reportId.toString());
    }
    long duplicates = queries.duplicates(office, reportId);
    List<OfficeViews.Withdrawal> withdrawals =
        queries.withdrawals(office, reportId).stream()
            .map(
                w ->
                    new OfficeViews.Withdrawal(
                        w.filedBy(),
                        w.byAdmin(),
                        w.reason(),
                        w.outcome().toLowerCase(Locale.ROOT),
                        w.processedAt()))
            .toList();
    return new OfficeViews.Trace(
        reportId,
        report.map(OfficeViews.Report::status).orElse("rejected"),
        report.orElse(null),
        duplicates,
        withdrawals,
        rejections);
  }

  public OfficeViews.Months months(String office, OfficeFilter filter) {
    return new OfficeViews.Months(queries.months(office, filter));
  }

  /**
   * The dead letters of this id whose record names this office. A dead letter keeps the record as
   * it came, so its office is read from the payload; one that cannot be read names no office and is
   * shown to none (the admins see it in the dead-letter API).
   */
  private List<OfficeViews.Rejection> rejections(String office, UUID reportId) {
    return queries.deadLetters(reportId).stream()
        .filter(letter -> office.equals(officeOf(letter.payload())))
        .map(letter -> new OfficeViews.Rejection(letter.reason(), letter.detail()))
        .toList();
  }

  private String officeOf(byte[] payload) {
    if (payload == null) {
      return null;
    }
    try {
      JsonNode office = json.readTree(payload).get("officeId");
      return office != null && office.isTextual() ? office.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
