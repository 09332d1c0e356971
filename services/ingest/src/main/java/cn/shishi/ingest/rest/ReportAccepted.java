package cn.shishi.ingest.rest;

import java.util.UUID;

/** The answer to an accepted report: Kafka holds it. */
public record ReportAccepted(UUID reportId, String status) {
  static ReportAccepted of(UUID reportId) {
    return new ReportAccepted(reportId, "accepted");
  }
}
