package cn.shishi.ingest.messaging;

import cn.shishi.ingest.domain.ValidReport;
import java.time.Instant;

/** Maps accepted reports to their Kafka events; the server owns the office and receive time. */
public final class ReportEventMapper {
  private ReportEventMapper() {}

  public static ReportFiledEvent toEvent(ValidReport report, String officeId, Instant receivedAt) {
    return new ReportFiledEvent(
        ReportFiledEvent.SCHEMA_VERSION,
        report.reportId(),
        officeId,
        report.regionCode(),
        report.program(),
        report.taskType(),
        report.quantity(),
        report.beneficiaries(),
        report.completedAt(),
        report.note(),
        receivedAt);
  }

  public static ReportWithdrawnEvent toWithdrawal(
      java.util.UUID reportId, String officeId, String officeRegion, String reason, Instant at) {
    return new ReportWithdrawnEvent(
        ReportFiledEvent.SCHEMA_VERSION, reportId, officeId, officeRegion, reason, at);
  }
}
