package cn.shishi.aggregator.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ledger row, as auditors and offices read it. Rows are written in bulk by the batch ({@code
 * apply.LedgerWriter}); a report's key is its id and its office.
 */
public record LedgerEntry(
    UUID reportId,
    String officeId,
    String filedBy,
    String regionCode,
    String program,
    String taskType,
    int quantity,
    int beneficiaries,
    Instant completedAt,
    LocalDate day,
    String note,
    Instant receivedAt,
    Instant processedAt,
    int kafkaPartition,
    long kafkaOffset,
    String status,
    Instant withdrawnAt,
    String withdrawalReason) {

  /** The columns {@link #read} takes, in its order. */
  public static final String COLUMNS =
      "report_id, office_id, filed_by, region_code, program, task_type, quantity, beneficiaries,"
          + " completed_at, day, note, received_at, processed_at, kafka_partition, kafka_offset,"
          + " status, withdrawn_at, withdrawal_reason";

  public static LedgerEntry read(ResultSet row) throws SQLException {
    return new LedgerEntry(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getInt(7),
        row.getInt(8),
        ReadStatements.instant(row, 9),
        row.getObject(10, LocalDate.class),
        row.getString(11),
        ReadStatements.instant(row, 12),
        ReadStatements.instant(row, 13),
        row.getInt(14),
        row.getLong(15),
        row.getString(16),
        ReadStatements.instant(row, 17),
        row.getString(18));
  }

  public boolean counted() {
    return "COUNTED".equals(status);
  }
}
