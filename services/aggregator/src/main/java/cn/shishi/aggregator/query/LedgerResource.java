package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.persistence.LedgerQueries;
import cn.shishi.aggregator.persistence.ReportEntity;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The ledger, for auditors: which reports make up a figure, and what became of each. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class LedgerResource {
  private final LedgerQueries ledger;

  public LedgerResource(LedgerQueries ledger) {
    this.ledger = ledger;
  }

  @GET
  public LedgerViews.Page list(
      @RestQuery String region,
      @RestQuery String program,
      @RestQuery String taskType,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String office,
      @RestQuery String after,
      @RestQuery Integer limit) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (region != null && !region.matches("\\d{2}|\\d{4}|\\d{6}")) {
      errors.add(new Problem.FieldError("/region", "a 2-, 4- or 6-digit region code"));
    }
    Optional<String> programCode = QueryParams.catalogCode(program, "program", errors);
    Optional<String> taskTypeCode = QueryParams.catalogCode(taskType, "taskType", errors);
    QueryParams.DayRange days = QueryParams.days(from, to, errors);
    int pageSize = limit == null ? 100 : limit;
    if (pageSize < 1 || pageSize > TotalsQueryParser.MAX_LIMIT) {
      errors.add(new Problem.FieldError("/limit", "must be between 1 and 1000"));
    }
    LedgerQueries.Filter filter =
        new LedgerQueries.Filter(
            Optional.ofNullable(region),
            programCode,
            taskTypeCode,
            days.from(),
            days.to(),
            Optional.ofNullable(office),
            uuid(after, "/after", errors));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    List<ReportEntity> rows = ledger.list(filter, pageSize + 1);
    boolean more = rows.size() > pageSize;
    List<LedgerViews.Report> page = rows.stream().limit(pageSize).map(LedgerViews::report).toList();
    return new LedgerViews.Page(
        page, more ? page.get(page.size() - 1).reportId().toString() : null);
  }

  /** The report, its status, the cells it counts in, its duplicates and its withdrawals. */
  @GET
  @Path("/{reportId}")
  public LedgerViews.Trace trace(@RestPath UUID reportId) {
    Optional<ReportEntity> report = ledger.find(reportId);
    List<String> rejections = ledger.deadLetterReasons(reportId);
    if (report.isEmpty() && rejections.isEmpty()) {
      throw new NotFoundException("no report " + reportId + " reached the aggregator");
    }
    return new LedgerViews.Trace(
        reportId,
        report.map(r -> r.status.toLowerCase()).orElse("rejected"),
        report.map(LedgerViews::report).orElse(null),
        report.map(LedgerViews::cells).orElse(List.of()),
        ledger.duplicates(reportId).stream().map(LedgerViews::duplicate).toList(),
        ledger.withdrawals(reportId).stream().map(LedgerViews::withdrawal).toList(),
        rejections.isEmpty() ? null : rejections);
  }

  private static Optional<UUID> uuid(
      String value, String pointer, List<Problem.FieldError> errors) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError(pointer, "must be a reportId from the previous page"));
      return Optional.empty();
    }
  }
}
