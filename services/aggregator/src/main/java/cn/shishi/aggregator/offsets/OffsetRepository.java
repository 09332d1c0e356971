package cn.shishi.aggregator.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The next offset to apply per partition, kept in PostgreSQL beside the rows it accounts for.
 * {@link #lock} serialises every writer of a partition: whoever holds the row decides what is new,
 * so a consumer that lost its partition (or froze and woke up) cannot apply a record twice.
 */
@ApplicationScoped
public class OffsetRepository {
  private final DataSource dataSource;

  public OffsetRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Locks the partitions' rows until the transaction ends and returns their next offsets. */
  public Map<Integer, Long> lock(String topic, Set<Integer> partitions) {
    Integer[] ids = partitions.stream().sorted().toArray(Integer[]::new);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO consumer_offset (topic, kafka_partition, next_offset, updated_at)"
                  + " SELECT ?, p, 0, now() FROM unnest(?::int[]) AS p"
                  + " ON CONFLICT DO NOTHING")) {
        insert.setString(1, topic);
        insert.setArray(2, connection.createArrayOf("int4", ids));
        insert.executeUpdate();
      }
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT kafka_partition, next_offset FROM consumer_offset"
                  + " WHERE topic = ? AND kafka_partition = ANY(?::int[])"
                  + " ORDER BY kafka_partition FOR UPDATE")) {
        select.setString(1, topic);
        select.setArray(2, connection.createArrayOf("int4", ids));
        return offsets(select);
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("locking offsets of " + topic, e);
    }
  }

  /** Stores the next offsets of the partitions locked by {@link #lock}. */
  public void advance(String topic, Map<Integer, Long> nextOffsets, Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE consumer_offset SET next_offset = ?, updated_at = ?"
                    + " WHERE topic = ? AND kafka_partition = ?")) {
      for (Map.Entry<Integer, Long> entry : nextOffsets.entrySet()) {
        update.setLong(1, entry.getValue());
        update.setTimestamp(2, Timestamp.from(now));
        update.setString(3, topic);
        update.setInt(4, entry.getKey());
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceFailure("storing offsets of " + topic, e);
    }
  }

  /** Every stored next offset of the topic, by partition (no lock). */
  public Map<Integer, Long> read(String topic) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT kafka_partition, next_offset FROM consumer_offset WHERE topic = ?")) {
      select.setString(1, topic);
      return offsets(select);
    } catch (SQLException e) {
      throw new PersistenceFailure("reading offsets of " + topic, e);
    }
  }

  private static Map<Integer, Long> offsets(PreparedStatement select) throws SQLException {
    Map<Integer, Long> offsets = new TreeMap<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        offsets.put(rows.getInt(1), rows.getLong(2));
      }
    }
    return offsets;
  }
}
