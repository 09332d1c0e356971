package cn.shishi.aggregator.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A withdrawal as the ledger recorded it, applied or rejected. */
public record WithdrawalEntry(
    String officeId,
    String filedBy,
    boolean byAdmin,
    String reason,
    String outcome,
    String detail,
    Instant processedAt) {

  /** The columns {@link #read} takes, in its order. */
  public static final String COLUMNS =
      "office_id, filed_by, by_admin, reason, outcome, detail, processed_at";

  public static WithdrawalEntry read(ResultSet row) throws SQLException {
    return new WithdrawalEntry(
        row.getString(1),
        row.getString(2),
        row.getBoolean(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        ReadStatements.instant(row, 7));
  }
}
