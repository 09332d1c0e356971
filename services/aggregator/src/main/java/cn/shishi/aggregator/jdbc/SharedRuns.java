package cn.shishi.aggregator.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The runs of a task that every aggregator instance schedules, shared out between them: each
 * instance's timer fires, and a run goes ahead only in the instance that claims it.
 */
@ApplicationScoped
public class SharedRuns {
  private static final String CLAIM =
      "INSERT INTO scheduled_run AS last (task, started_at) VALUES (?, transaction_timestamp())"
          + " ON CONFLICT (task) DO UPDATE SET started_at = excluded.started_at"
          + " WHERE last.started_at <= excluded.started_at - make_interval(secs => ?)"
          + " RETURNING started_at";

  private final DataSource dataSource;

  public SharedRuns(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * This run of {@code task}'s start by the database's clock, which all instances share, if the run
   * is the caller's: no instance's run of it started within {@code gap} before. Empty, it is not.
   * Claims that meet wait on the task's row, and only the first is granted. A claim is its own
   * transaction, committed before the run: in the caller's, it would hold the row, and every other
   * instance's claim, until the caller's end.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Instant> claim(String task, Duration gap) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement claim = c.prepareStatement(CLAIM)) {
      claim.setString(1, task);
      claim.setDouble(2, gap.toNanos() / 1e9);
      try (ResultSet granted = claim.executeQuery()) {
        return granted.next() ? Optional.of(granted.getTimestamp(1).toInstant()) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("claiming a run of " + task, e);
    }
  }
}
