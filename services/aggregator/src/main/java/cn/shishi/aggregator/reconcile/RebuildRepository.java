package cn.shishi.aggregator.reconcile;

import static cn.shishi.aggregator.reconcile.RecomputedRollups.MONTHS_FROM_DAYS;
import static cn.shishi.aggregator.reconcile.RecomputedRollups.PROVINCE_RECOMPUTED;
import static cn.shishi.aggregator.reconcile.RecomputedRollups.RECOMPUTED;

import cn.shishi.aggregator.jdbc.AdvisoryLocks;
import cn.shishi.aggregator.jdbc.PersistenceFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Writes every rollup anew from the ledger. */
@ApplicationScoped
public class RebuildRepository {
  private final DataSource dataSource;

  public RebuildRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether this transaction may rebuild: no other rebuild holds the lock until it ends. */
  public boolean tryLock() {
    try (Connection c = dataSource.getConnection()) {
      return AdvisoryLocks.tryExclusive(c, ExclusiveRun.REBUILD);
    } catch (SQLException e) {
      throw new PersistenceFailure("locking the rebuild", e);
    }
  }

  /**
   * Replaces every rollup with the recomputation from the ledger, all in shard 0 (the consumers are
   * held off meanwhile); returns the day cell count.
   */
  public int rebuild() {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("DELETE FROM province_total_shard");
      statement.execute(
          "INSERT INTO province_total_shard (province_code, program, task_type, reports, quantity,"
              + " beneficiaries) "
              + PROVINCE_RECOMPUTED);
      statement.execute("DELETE FROM rollup_shard");
      int cells =
          statement.executeUpdate(
              "INSERT INTO rollup_shard (region_code, day, program, task_type, region_level, province_code,"
                  + " city_code, reports, quantity, beneficiaries)"
                  + " SELECT region_code, day, program, task_type, length(region_code),"
                  + " left(region_code, 2),"
                  + " CASE WHEN length(region_code) >= 4 THEN left(region_code, 4) END,"
                  + " reports, quantity, beneficiaries FROM ("
                  + RECOMPUTED
                  + ") AS recomputed");
      statement.execute("DELETE FROM rollup_month_shard");
      statement.execute(
          "INSERT INTO rollup_month_shard (region_code, month, program, task_type, region_level,"
              + " province_code, city_code, reports, quantity, beneficiaries) "
              + MONTHS_FROM_DAYS);
      return cells;
    } catch (SQLException e) {
      throw new PersistenceFailure("rebuilding rollups", e);
    }
  }
}
