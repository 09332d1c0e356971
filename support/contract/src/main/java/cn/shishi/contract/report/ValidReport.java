package cn.shishi.contract.report;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A report that passed validation, normalised: defaults applied, note in NFC. */
public record ValidReport(
    UUID reportId,
    String regionCode,
    String program,
    String taskType,
    int quantity,
    int beneficiaries,
    OffsetDateTime completedAt,
    String note) {

  /** The province's two digits: the Kafka key, so that a province's events keep their order. */
  public String provinceCode() {
    return regionCode.substring(0, 2);
  }
}
