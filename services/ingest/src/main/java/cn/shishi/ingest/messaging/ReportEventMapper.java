package cn.shishi.ingest.messaging;

import cn.shishi.contract.EventTypes;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportWithdrawn;
import cn.shishi.contract.report.ValidReport;
import cn.shishi.web.Caller;
import java.time.Instant;
import java.util.UUID;

/** Maps accepted reports to their Kafka events; the server owns the office and receive time. */
public final class ReportEventMapper {
  private ReportEventMapper() {}

  /** The report of {@code caller}'s office, filed by {@code caller}. */
  public static ReportFiled toEvent(ValidReport report, Caller caller, Instant receivedAt) {
    return new ReportFiled(
        EventTypes.SCHEMA_VERSION,
        report.reportId(),
        caller.office(),
        report.regionCode(),
        report.program(),
        report.taskType(),
        report.quantity(),
        report.beneficiaries(),
        report.completedAt(),
        report.note(),
        receivedAt,
        caller.subject());
  }

  /** The report of {@code caller}'s office, keyed by that office's region, ready to publish. */
  public static OutgoingEvent filed(ValidReport report, Caller caller, Instant receivedAt) {
    return OutgoingEvent.filed(toEvent(report, caller, receivedAt), caller.region());
  }

  /** The withdrawal of one of {@code caller}'s office's reports, by {@code caller}. */
  public static ReportWithdrawn toWithdrawal(
      UUID reportId, Caller caller, String reason, Instant at) {
    return new ReportWithdrawn(
        EventTypes.SCHEMA_VERSION,
        reportId,
        caller.office(),
        caller.region(),
        reason,
        at,
        caller.subject(),
        false);
  }

  /**
   * An admin's withdrawal of {@code officeId}'s report, keyed by {@code officeRegion} (the filing
   * office's, or the report's when that is not known) so that it follows the report.
   */
  public static ReportWithdrawn toAdminWithdrawal(
      UUID reportId,
      String officeId,
      String officeRegion,
      String reason,
      Caller admin,
      Instant at) {
    return new ReportWithdrawn(
        EventTypes.SCHEMA_VERSION,
        reportId,
        officeId,
        officeRegion,
        reason,
        at,
        admin.subject(),
        true);
  }
}
