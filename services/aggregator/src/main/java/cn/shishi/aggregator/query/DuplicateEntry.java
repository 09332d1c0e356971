package cn.shishi.aggregator.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A later delivery of a report's id, kept for audit; it changed no total. */
public record DuplicateEntry(
    boolean sameContent, String officeId, Instant processedAt, String event) {

  /** The columns {@link #read} takes, in its order. */
  public static final String COLUMNS = "same_content, office_id, processed_at, event";

  public static DuplicateEntry read(ResultSet row) throws SQLException {
    return new DuplicateEntry(
        row.getBoolean(1), row.getString(2), ReadStatements.instant(row, 3), row.getString(4));
  }
}
