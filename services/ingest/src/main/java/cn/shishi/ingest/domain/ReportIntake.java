package cn.shishi.ingest.domain;

import cn.shishi.ingest.config.IngestConfig;
import cn.shishi.ingest.messaging.ReportEventMapper;
import cn.shishi.ingest.messaging.ReportFiledEvent;
import cn.shishi.ingest.messaging.ReportPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Takes reports in: validate all, then publish, and say "accepted" only after Kafka did. */
@ApplicationScoped
public class ReportIntake {
  private final ReportValidator validator;
  private final ReportPublisher publisher;
  private final Clock clock;

  public ReportIntake(
      Catalog catalog, ReportPublisher publisher, Clock clock, IngestConfig config) {
    this.validator =
        new ReportValidator(catalog, clock, config.earliestCompletedOn(), config.maxClockSkew());
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Files one report for {@code officeId}; fails with {@link InvalidReportException}. */
  public Uni<UUID> file(ReportSubmission submission, String officeId) {
    ReportValidator.Validated validated = validator.validate(submission, "");
    if (!validated.isValid()) {
      return Uni.createFrom().failure(new InvalidReportException(validated.violations()));
    }
    Instant receivedAt = clock.instant();
    ReportFiledEvent event = ReportEventMapper.toEvent(validated.report(), officeId, receivedAt);
    return publisher.publish(event).replaceWith(event.reportId());
  }
}
