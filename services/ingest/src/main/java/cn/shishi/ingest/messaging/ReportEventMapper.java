package cn.shishi.ingest.messaging;

import cn.shishi.contract.EventTypes;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportWithdrawn;
import cn.shishi.contract.report.ValidReport;
import java.time.Instant;
import java.util.UUID;

/** Maps accepted reports to their Kafka events; the server owns the office and receive time. */
public final class ReportEventMapper {
  private ReportEventMapper() {}

  public static ReportFiled toEvent(ValidReport report, String officeId, Instant receivedAt) {
    return new ReportFiled(
        EventTypes.SCHEMA_VERSION,
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

  public static ReportWithdrawn toWithdrawal(
      UUID reportId, String officeId, String officeRegion, String reason, Instant at) {
    return new ReportWithdrawn(
        EventTypes.SCHEMA_VERSION, reportId, officeId, officeRegion, reason, at);
  }
}
