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
          + " processed_at, kafka_partition, kafka_offset, status)"
          + " SELECT r.id::uuid, r.office, r.region, r.province, r.city, r.program, r.task_type,"
          + " r.quantity::int, r.beneficiaries::int, r.completed_at::timestamptz, r.day::date,"
          + " r.note, r.received_at::timestamptz, ?, r.part::int, r.off::bigint, 'COUNTED'"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[])"
          + " AS r(id, office, region, province, city, program, task_type, quantity,"
          + " beneficiaries, completed_at, day, note, received_at, part, off)"
          + " ON CONFLICT (report_id) DO NOTHING RETURNING report_id";

  private final DataSource dataSource;

  public LedgerWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the reports whose id is new and returns those ids; the others are duplicates. */
  public Set<UUID> insertNew(Collection<FiledReport> batch, Instant processedAt) {
    if (batch.isEmpty()) {
      return Set.of();
    }
    // Concurrent batches insert in one order, so that an id in both (an office's retry under a
    // different province, say) makes one wait for the other instead of deadlocking.
    List<FiledReport> reports =
        batch.stream().sorted(Comparator.comparing(FiledReport::reportId)).toList();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT_REPORTS)) {
      insert.setTimestamp(1, Timestamp.from(processedAt));
      int i = 2;
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::reportId));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::officeId));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::regionCode));
      insert.setArray(i++, Sql.texts(c, reports, r -> RegionPath.of(r.regionCode()).province()));
      insert.setArray(i++, Sql.texts(c, reports, r -> RegionPath.of(r.regionCode()).city()));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::program));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::taskType));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::quantity));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::beneficiaries));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::completedAt));
      insert.setArray(i++, Sql.texts(c, reports, r -> r.contribution().day()));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::note));
      insert.setArray(i++, Sql.texts(c, reports, FiledReport::receivedAt));
      insert.setArray(i++, Sql.texts(c, reports, r -> r.position().partition()));
      insert.setArray(i, Sql.texts(c, reports, r -> r.position().offset()));
      Set<UUID> inserted = new HashSet<>();
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          inserted.add(rows.getObject(1, UUID.class));
        }
      }
      return inserted;
    } catch (SQLException e) {
      throw new PersistenceFailure("inserting reports", e);
    }
  }

  /** The ledger's copies of these reports, to compare duplicates with. */
  public Map<UUID, FiledReport> find(Collection<UUID> ids) {
    Map<UUID, FiledReport> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT report_id, office_id, region_code, program, task_type, quantity,"
                    + " beneficiaries, completed_at, note, received_at, kafka_partition,"
                    + " kafka_offset FROM report WHERE report_id = ANY(?::uuid[])")) {
      select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
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
                  null);
          found.put(report.reportId(), report);
        }
      }
      return found;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading reports", e);
    }
  }

  /** Records duplicates: always counted; kept whole, for audit. */
  public void recordDuplicates(List<FiledReport> duplicates, Set<UUID> differing, Instant now) {
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
        insert.setBoolean(2, !differing.contains(duplicate.reportId()));
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
   * Marks the report withdrawn if it is counted, was filed by the same office and sits before the
   * withdrawal in its partition; returns what it had contributed, or why not.
   */
  public WithdrawalResult withdraw(Withdrawal withdrawal, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      Optional<StoredReport> stored = lockReport(c, withdrawal.reportId());
      String refusal = stored.isEmpty() ? "unknown report" : refusal(stored.get(), withdrawal);
      if (refusal == null) {
        try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE report SET status = 'WITHDRAWN', withdrawn_at = ?, withdrawal_reason = ?"
                    + " WHERE report_id = ?")) {
          update.setTimestamp(1, Timestamp.from(now));
          update.setString(2, withdrawal.reason());
          update.setObject(3, withdrawal.reportId());
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
    if (!report.officeId().equals(withdrawal.officeId())) {
      return "filed by another office";
    }
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

  private static Optional<StoredReport> lockReport(Connection c, UUID reportId)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT office_id, status, region_code, day, program, task_type, quantity,"
                + " beneficiaries, kafka_partition, kafka_offset FROM report"
                + " WHERE report_id = ? FOR UPDATE")) {
      select.setObject(1, reportId);
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
                + " received_at, kafka_partition, kafka_offset, processed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, withdrawal.reportId());
      insert.setString(2, withdrawal.officeId());
      insert.setString(3, withdrawal.reason());
      insert.setString(4, refusal == null ? "APPLIED" : "REJECTED");
      insert.setString(5, refusal);
      insert.setTimestamp(6, Timestamp.from(withdrawal.receivedAt()));
      insert.setInt(7, withdrawal.position().partition());
      insert.setLong(8, withdrawal.position().offset());
      insert.setTimestamp(9, Timestamp.from(now));
      insert.executeUpdate();
    }
  }

  private record StoredReport(
      String officeId, String status, Contribution contribution, RecordPosition position) {}
}
