package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.Sql;
import cn.shishi.catalog.RegionPath;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** The report ledger's write side: one statement per kind of row, whatever the batch's size. */
@ApplicationScoped
public class LedgerWriter {
  private static final String INSERT_REPORTS =
      "INSERT INTO report (report_id, office_id, region_code, province_code, city_code, program,"
          + " task_type, quantity, beneficiaries, completed_at, day, note, received_at,"
          + " processed_at, kafka_partition, kafka_offset, status, filed_by)"
          + " SELECT r.id::uuid, r.office, r.region, r.province, r.city, r.program, r.task_type,"
          + " r.quantity::int, r.beneficiaries::int, r.completed_at::timestamptz, r.day::date,"
          + " r.note, r.received_at::timestamptz, ?, r.part::int, r.off, 'COUNTED', r.filed_by"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::int8[], ?::int8[], ?::text[])"
          + " AS r(id, office, region, province, city, program, task_type, quantity,"
          + " beneficiaries, completed_at, day, note, received_at, part, off, filed_by)"
          + " ON CONFLICT (office_id, report_id) DO NOTHING RETURNING office_id, report_id";

  private final DataSource dataSource;

  public LedgerWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts the reports whose key (office and id) is new and returns those keys; the others are
   * duplicates.
   */
  public Set<ReportKey> insertNew(Collection<FiledReport> batch, Instant processedAt) {
    if (batch.isEmpty()) {
      return Set.of();
    }
    // Concurrent batches insert in one order, so that a key in both (an office's retry under a
    // different province, say) makes one wait for the other instead of deadlocking. Report id
    // first, as the key (V16), so that neighbouring rows mostly go to neighbouring index pages
    // (Java compares a UUID's halves signed, PostgreSQL its bytes unsigned: close, not equal).
    List<FiledReport> reports =
        batch.stream()
            .sorted(
                Comparator.comparing(FiledReport::reportId).thenComparing(FiledReport::officeId))
            .toList();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT_REPORTS)) {
      insert.setTimestamp(1, Timestamp.from(processedAt));
      int i = 2;
      insert.setObject(i++, Sql.texts(reports, FiledReport::reportId));
      insert.setObject(i++, Sql.texts(reports, FiledReport::officeId));
      insert.setObject(i++, Sql.texts(reports, FiledReport::regionCode));
      insert.setObject(i++, Sql.texts(reports, r -> RegionPath.of(r.regionCode()).province()));
      insert.setObject(i++, Sql.texts(reports, r -> RegionPath.of(r.regionCode()).city()));
      insert.setObject(i++, Sql.texts(reports, FiledReport::program));
      insert.setObject(i++, Sql.texts(reports, FiledReport::taskType));
      insert.setObject(i++, Sql.longs(reports, FiledReport::quantity));
      insert.setObject(i++, Sql.longs(reports, FiledReport::beneficiaries));
      // The instant, not the text the office sent: PostgreSQL refuses offsets beyond ±15:59, which
      // Java reads (to ±18:00), and a timestamptz keeps no offset anyway.
      insert.setObject(i++, Sql.texts(reports, r -> r.completedAt().toInstant()));
      insert.setObject(i++, Sql.texts(reports, FiledReport::day));
      insert.setObject(i++, Sql.texts(reports, FiledReport::note));
      insert.setObject(i++, Sql.texts(reports, FiledReport::receivedAt));
      insert.setObject(i++, Sql.longs(reports, r -> r.position().partition()));
      insert.setObject(i++, Sql.longs(reports, r -> r.position().offset()));
      insert.setObject(i, Sql.texts(reports, FiledReport::filedBy));
      Set<ReportKey> inserted = new HashSet<>();
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          inserted.add(new ReportKey(rows.getString(1), rows.getObject(2, UUID.class)));
        }
      }
      return inserted;
    } catch (SQLException e) {
      throw new PersistenceFailure("inserting reports", e);
    }
  }

  /** The ledger's copies of these reports, to compare duplicates with. */
  public Map<ReportKey, FiledReport> find(Collection<ReportKey> keys) {
    Map<ReportKey, FiledReport> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT report_id, office_id, region_code, program, task_type, quantity,"
                    + " beneficiaries, completed_at, note, received_at, kafka_partition,"
                    + " kafka_offset, filed_by FROM report WHERE (office_id, report_id) IN"
                    + " (SELECT * FROM unnest(?::text[], ?::uuid[]))")) {
      select.setObject(1, Sql.texts(keys, ReportKey::officeId));
      select.setArray(2, c.createArrayOf("uuid", keys.stream().map(ReportKey::reportId).toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          FiledReport report =
              new FiledReport(
                  rows.getObject(1, UUID.class),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getInt(6),
                  rows.getInt(7),
                  rows.getObject(8, OffsetDateTime.class),
                  rows.getString(9),
                  rows.getTimestamp(10).toInstant(),
                  new RecordPosition(rows.getInt(11), rows.getLong(12)),
                  null,
                  rows.getString(13));
          found.put(report.key(), report);
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading reports", e);
    }
  }

  /** Records duplicates: always counted; kept whole, for audit. */
  public void recordDuplicates(
      List<FiledReport> duplicates, Set<ReportKey> differing, Instant now) {
    if (duplicates.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO report_duplicate (report_id, same_content, office_id, event,"
                    + " kafka_partition, kafka_offset, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (FiledReport duplicate : duplicates) {
        insert.setObject(1, duplicate.reportId());
        insert.setBoolean(2, !differing.contains(duplicate.key()));
        insert.setString(3, duplicate.officeId());
        insert.setString(4, new String(duplicate.event(), StandardCharsets.UTF_8));
        insert.setInt(5, duplicate.position().partition());
        insert.setLong(6, duplicate.position().offset());
        insert.setTimestamp(7, Timestamp.from(now));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceFailure("recording duplicates", e);
    }
  }

  /**
   * Marks the office's report withdrawn if it is counted and sits before the withdrawal in its
   * partition; returns what it had contributed, or why not. Any member of the office may withdraw
   * it, and an admin any office's; an id the office never filed is an unknown report to it, even if
   * another office used the same id.
   */
  public WithdrawalResult withdraw(Withdrawal withdrawal, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      Optional<StoredReport> stored = lockReport(c, withdrawal.officeId(), withdrawal.reportId());
      String refusal =
          stored.isPresent()
              ? refusal(stored.get(), withdrawal)
              : (filedElsewhere(c, withdrawal.reportId())
                  ? "filed by another office"
                  : "unknown report");
      if (refusal == null) {
        try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE report SET status = 'WITHDRAWN', withdrawn_at = ?, withdrawal_reason = ?"
                    + " WHERE office_id = ? AND report_id = ?")) {
          update.setTimestamp(1, Timestamp.from(now));
          update.setString(2, withdrawal.reason());
          update.setString(3, withdrawal.officeId());
          update.setObject(4, withdrawal.reportId());
          update.executeUpdate();
        }
      }
      recordWithdrawal(c, withdrawal, refusal, now);
      return refusal == null
          ? WithdrawalResult.applied(stored.orElseThrow().contribution())
          : WithdrawalResult.rejected(refusal);
    } catch (SQLException e) {
      throw new PersistenceFailure("withdrawing a report", e);
    }
  }

  private static String refusal(StoredReport report, Withdrawal withdrawal) {
    if (!"COUNTED".equals(report.status())) {
      return "already withdrawn";
    }
    RecordPosition at = withdrawal.position();
    if (report.position().partition() == at.partition()
        && report.position().offset() > at.offset()) {
      return "arrived before its report";
    }
    return null;
  }

  private static boolean filedElsewhere(Connection c, UUID reportId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT 1 FROM report WHERE report_id = ? LIMIT 1")) {
      select.setObject(1, reportId);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private static Optional<StoredReport> lockReport(Connection c, String officeId, UUID reportId)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT office_id, status, region_code, day, program, task_type, quantity,"
                + " beneficiaries, kafka_partition, kafka_offset FROM report"
                + " WHERE office_id = ? AND report_id = ? FOR UPDATE")) {
      select.setString(1, officeId);
      select.setObject(2, reportId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredReport(
                row.getString(1),
                row.getString(2),
                new Contribution(
                    row.getString(3),
                    row.getObject(4, java.time.LocalDate.class),
                    row.getString(5),
                    row.getString(6),
                    row.getInt(7),
                    row.getInt(8)),
                new RecordPosition(row.getInt(9), row.getLong(10))));
      }
    }
  }

  private static void recordWithdrawal(
      Connection c, Withdrawal withdrawal, String refusal, Instant now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO report_withdrawal (report_id, office_id, reason, outcome, detail,"
                + " received_at, kafka_partition, kafka_offset, processed_at, filed_by, by_admin)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, withdrawal.reportId());
      insert.setString(2, withdrawal.officeId());
      insert.setString(3, withdrawal.reason());
      insert.setString(4, refusal == null ? "APPLIED" : "REJECTED");
      insert.setString(5, refusal);
      insert.setTimestamp(6, Timestamp.from(withdrawal.receivedAt()));
      insert.setInt(7, withdrawal.position().partition());
      insert.setLong(8, withdrawal.position().offset());
      insert.setTimestamp(9, Timestamp.from(now));
      insert.setString(10, withdrawal.filedBy());
      insert.setBoolean(11, withdrawal.byAdmin());
      insert.executeUpdate();
    }
  }

  private record StoredReport(
      String officeId, String status, Contribution contribution, RecordPosition position) {}
}
