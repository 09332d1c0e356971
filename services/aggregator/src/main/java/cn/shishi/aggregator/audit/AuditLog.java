package cn.shishi.aggregator.audit;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The log of privileged actions: catalogue changes, rebuilds, reconciliation requests, offset
 * decisions, dead-letter re-drives and discards, admin withdrawals. Each is written in the
 * transaction of the action it records; nothing updates or deletes an entry (a trigger refuses).
 */
@ApplicationScoped
public class AuditLog {
  private final DataSource dataSource;
  private final Clock clock;

  public AuditLog(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Records an action now, in the caller's transaction. */
  public void record(Actor actor, String action, String target, String detail) {
    record(actor, action, target, detail, clock.instant());
  }

  /** Records an action that happened at {@code at}; a catalogue change is recorded once. */
  public void record(Actor actor, String action, String target, String detail, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO admin_action (at, actor, action, target, detail, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setString(2, actor.name() == null ? "unknown" : actor.name());
      insert.setString(3, action);
      insert.setString(4, target);
      insert.setString(5, detail);
      insert.setString(6, actor.source());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("recording an admin action", e);
    }
  }

  /** Up to {@code limit} entries after {@code after}, oldest first. */
  public List<AdminAction> list(long after, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, at, actor, action, target, detail, source FROM admin_action"
                    + " WHERE id > ? ORDER BY id LIMIT ?")) {
      select.setLong(1, after);
      select.setInt(2, limit);
      List<AdminAction> actions = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          actions.add(
              new AdminAction(
                  row.getLong(1),
                  row.getTimestamp(2).toInstant(),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getString(7)));
        }
      }
      return actions;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading admin actions", e);
    }
  }
}
