package cn.shishi.ingest.domain;

import cn.shishi.catalog.Regions;
import cn.shishi.contract.EventConstraints;
import cn.shishi.contract.report.Catalog;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.contract.report.ValidReport;
import cn.shishi.contract.report.Violation;
import cn.shishi.ingest.limits.OfficeRateLimit;
import cn.shishi.ingest.limits.RateLimitedException;
import cn.shishi.ingest.messaging.OutgoingEvent;
import cn.shishi.ingest.messaging.PublishFailedException;
import cn.shishi.ingest.messaging.ReportEventMapper;
import cn.shishi.ingest.messaging.ReportPublisher;
import cn.shishi.web.Caller;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.OutsideRegionException;
import cn.shishi.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Takes reports in: validate everything, check every region against the office's claim, then
 * publish, and say "accepted" only after Kafka did. Nothing is published unless all is valid.
 */
@ApplicationScoped
public class ReportIntake {
  private static final String REPORTS = "shishi.ingest.reports";
  private static final String WITHDRAWALS = "shishi.ingest.withdrawals";

  private final ReportValidator validator;
  private final Catalog catalog;
  private final ReportPublisher publisher;
  private final OfficeRateLimit rateLimit;
  private final Clock clock;
  private final MeterRegistry metrics;

  public ReportIntake(
      ReportValidator validator,
      Catalog catalog,
      ReportPublisher publisher,
      OfficeRateLimit rateLimit,
      Clock clock,
      MeterRegistry metrics) {
    this.validator = validator;
    this.catalog = catalog;
    this.publisher = publisher;
    this.rateLimit = rateLimit;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Every outcome from the start, at zero, so that the first 503 is an increase, not a birth. */
  void registerCounters(@Observes StartupEvent event) {
    for (IngestOutcome outcome : IngestOutcome.values()) {
      count(REPORTS, outcome, 0);
      count(WITHDRAWALS, outcome, 0);
    }
  }

  /** Files one report for the calling office. */
  public Uni<UUID> file(ReportSubmission submission, Caller office) {
    if (submission == null) {
      return reject(1, new InvalidRequestException("", "report.required"));
    }
    return fileAll(List.of(submission), "", office).replaceWith(submission::reportId);
  }

  /** Files a batch for the calling office: all of it, or (422, 403, 503) none of it. */
  public Uni<Integer> fileBatch(ReportBatch batch, Caller office) {
    if (batch == null || batch.reports() == null || batch.reports().isEmpty()) {
      return reject(1, new InvalidRequestException("/reports", "batch.size", ReportBatch.MAX_SIZE));
    }
    if (batch.reports().size() > ReportBatch.MAX_SIZE) {
      return reject(
          batch.reports().size(),
          new InvalidRequestException("/reports", "batch.size", ReportBatch.MAX_SIZE));
    }
    return fileAll(batch.reports(), "/reports/", office).replaceWith(batch.reports().size());
  }

  private Uni<Void> fileAll(List<ReportSubmission> submissions, String prefix, Caller office) {
    requireOffice(office);
    List<ValidReport> reports = new ArrayList<>(submissions.size());
    List<Violation> violations = new ArrayList<>();
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < submissions.size(); i++) {
      String at = prefix.isEmpty() ? "" : prefix + i;
      ReportValidator.Validated validated = validator.validate(submissions.get(i), at);
      violations.addAll(validated.violations());
      if (validated.isValid()) {
        if (!ids.add(validated.report().reportId())) {
          violations.add(new Violation(at + "/reportId", "batch.reportId.twice"));
        }
        reports.add(validated.report());
      }
    }
    if (!violations.isEmpty()) {
      return reject(submissions.size(), new InvalidRequestException(violations));
    }
    List<Violation> outside = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      if (!office.covers(reports.get(i).regionCode())) {
        String at = prefix.isEmpty() ? "" : prefix + i;
        outside.add(new Violation(at + "/regionCode", "region.outside", office.region()));
      }
    }
    if (!outside.isEmpty()) {
      return reject(submissions.size(), new OutsideRegionException(office.region(), outside));
    }
    try {
      rateLimit.take(office.office(), reports.size());
    } catch (RateLimitedException e) {
      count(REPORTS, IngestOutcome.RATE_LIMITED, reports.size());
      return Uni.createFrom().failure(e);
    }
    Instant receivedAt = clock.instant();
    List<OutgoingEvent> events =
        reports.stream().map(r -> ReportEventMapper.filed(r, office, receivedAt)).toList();
    return publish(events, REPORTS);
  }

  /** Asks for the withdrawal of one of the calling office's reports. */
  public Uni<Void> withdraw(UUID reportId, WithdrawalRequest request, Caller office) {
    requireOffice(office);
    List<Violation> violations = new ArrayList<>();
    String reason = reason(request == null ? null : request.reason(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    try {
      rateLimit.take(office.office(), 1);
    } catch (RateLimitedException e) {
      count(WITHDRAWALS, IngestOutcome.RATE_LIMITED, 1);
      throw e;
    }
    return publish(
        List.of(
            OutgoingEvent.of(
                ReportEventMapper.toWithdrawal(reportId, office, reason, clock.instant()))),
        WITHDRAWALS);
  }

  /**
   * An admin withdraws any office's report, with a reason: a fake report filed with a stolen token,
   * say. The filing office's region, when given, routes the withdrawal to the partition of that
   * office's reports; otherwise the report's region does (docs/api.md says when that differs).
   */
  public Uni<Void> withdrawAsAdmin(AdminWithdrawal request, Caller admin) {
    List<Violation> violations = new ArrayList<>();
    if (request == null) {
      throw new InvalidRequestException("", "withdrawal.required");
    }
    if (request.reportId() == null) {
      violations.add(new Violation("/reportId", "field.required"));
    }
    if (!EventConstraints.isValidOfficeId(request.officeId())) {
      violations.add(new Violation("/officeId", "withdrawal.officeId"));
    }
    if (request.regionCode() == null || !catalog.regionExists(request.regionCode())) {
      violations.add(new Violation("/regionCode", "withdrawal.regionCode"));
    }
    // The filing office's region as its token names it (33, 3304, 330402 or 330000 …).
    String officeScope =
        request.officeRegion() == null ? null : Regions.scopeOfClaim(request.officeRegion());
    if (request.officeRegion() != null
        && (officeScope == null
            || !catalog.regionExists((officeScope + "0000").substring(0, 6))
            || request.regionCode() == null
            || !Regions.within(request.regionCode(), officeScope))) {
      violations.add(new Violation("/officeRegion", "withdrawal.officeRegion"));
    }
    String reason = reason(request.reason(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return publish(
        List.of(
            OutgoingEvent.of(
                ReportEventMapper.toAdminWithdrawal(
                    request.reportId(),
                    request.officeId(),
                    officeScope != null ? officeScope : request.regionCode(),
                    reason,
                    admin,
                    clock.instant()))),
        WITHDRAWALS);
  }

  /** A withdrawal's reason: required, plain text, bounded; a problem is added to violations. */
  private static String reason(String given, List<Violation> violations) {
    int before = violations.size();
    String reason =
        ReportValidator.text(
            given == null ? null : given.strip(),
            EventConstraints.MAX_REASON_LENGTH,
            "/reason",
            violations);
    if (violations.size() == before && (reason == null || reason.isEmpty())) {
      violations.add(
          new Violation(
              "/reason", "withdrawal.reason.required", EventConstraints.MAX_REASON_LENGTH));
    }
    return reason;
  }

  /**
   * An office's token must name its region and an office id the ledger can store: the aggregator
   * would otherwise dead-letter the report after it was answered 202.
   */
  private static void requireOffice(Caller office) {
    if (!office.hasProvince()) {
      throw new ProblemException(Response.Status.FORBIDDEN, "forbidden", "token.office.region");
    }
    if (!EventConstraints.isValidOfficeId(office.office())
        || !EventConstraints.isValidOfficeId(office.subject())) {
      throw new ProblemException(
          Response.Status.FORBIDDEN,
          "forbidden",
          "token.office.name",
          EventConstraints.MAX_OFFICE_ID_LENGTH);
    }
  }

  private Uni<Void> publish(List<OutgoingEvent> events, String counter) {
    return publisher
        .publishAll(events)
        .onItem()
        .invoke(() -> count(counter, IngestOutcome.ACCEPTED, events.size()))
        .onFailure(PublishFailedException.class)
        .invoke(() -> count(counter, IngestOutcome.UNAVAILABLE, events.size()));
  }

  private <T> Uni<T> reject(int reports, RuntimeException why) {
    count(REPORTS, IngestOutcome.REJECTED, reports);
    return Uni.createFrom().failure(why);
  }

  private void count(String counter, IngestOutcome outcome, int n) {
    metrics.counter(counter, "outcome", outcome.label()).increment(n);
  }
}
