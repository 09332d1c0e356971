package cn.shishi.contract.report;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Test fixture: a valid report submission, changed one field at a time. */
final class SubmissionBuilder {
  private UUID reportId = UUID.randomUUID();
  private String regionCode = "330402";
  private String program = "warm-nest";
  private String taskType = "household-helped";
  private Integer quantity;
  private Integer beneficiaries;
  private OffsetDateTime completedAt = OffsetDateTime.parse("2021-05-14T10:30:00+08:00");
  private String note;

  /** The contract sample's report: valid, optional integers left out. */
  static SubmissionBuilder valid() {
    return new SubmissionBuilder();
  }

  SubmissionBuilder quantity(Integer value) {
    quantity = value;
    return this;
  }

  SubmissionBuilder beneficiaries(Integer value) {
    beneficiaries = value;
    return this;
  }

  SubmissionBuilder completedAt(String value) {
    completedAt = OffsetDateTime.parse(value);
    return this;
  }

  SubmissionBuilder note(String value) {
    note = value;
    return this;
  }

  ReportSubmission build() {
    return new ReportSubmission(
        reportId, regionCode, program, taskType, quantity, beneficiaries, completedAt, note);
  }
}
