package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The newest check of each scheduled slice, shared by every aggregator instance. */
@ApplicationScoped
public class SliceCheckRepository {
  private final DataSource dataSource;

  public SliceCheckRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Keeps each of {@code newest} (checks of one slice count) unless a check of its slice that
   * started later is kept already, and forgets the checks of other slice counts (a count used again
   * later must start afresh).
   */
  public void save(List<SliceCheck> newest) {
    if (newest.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement forget =
            c.prepareStatement("DELETE FROM reconciliation_slice_check WHERE slices <> ?");
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO reconciliation_slice_check AS kept"
                    + " (slices, slice, started_at, drift_cells) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (slices, slice) DO UPDATE"
                    + " SET started_at = excluded.started_at, drift_cells = excluded.drift_cells"
                    + " WHERE kept.started_at <= excluded.started_at")) {
      forget.setInt(1, newest.get(0).slice().count());
      forget.executeUpdate();
      for (SliceCheck check : newest) {
        upsert.setInt(1, check.slice().count());
        upsert.setInt(2, check.slice().index());
        upsert.setObject(3, OffsetDateTime.ofInstant(check.startedAt(), ZoneOffset.UTC));
        upsert.setInt(4, check.driftCells());
        upsert.addBatch();
      }
      upsert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceFailure("keeping a reconciliation's result", e);
    }
  }

  /**
   * When the caller's transaction started, by the database's clock: the one clock all instances
   * share. A check's start and a run's "now" both come from it, so that an instance whose own clock
   * runs ahead neither takes a slice for due before its round nor keeps its check as newer than a
   * later one (and one whose clock runs behind does not hold slices back).
   */
  public Instant transactionStart() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement("SELECT transaction_timestamp()");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getObject(1, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      throw new PersistenceFailure("reading the database's clock", e);
    }
  }

  /** The kept checks of the slices of {@code slices}. */
  public List<SliceCheck> load(int slices) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT slice, started_at, drift_cells FROM reconciliation_slice_check"
                    + " WHERE slices = ?")) {
      select.setInt(1, slices);
      List<SliceCheck> checks = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          checks.add(
              new SliceCheck(
                  new ProvinceSlice(rows.getInt(1), slices),
                  rows.getObject(2, OffsetDateTime.class).toInstant(),
                  rows.getInt(3)));
        }
      }
      return checks;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading the reconciliations' results", e);
    }
  }
}
