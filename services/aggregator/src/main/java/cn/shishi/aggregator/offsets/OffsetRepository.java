package cn.shishi.aggregator.offsets;

import cn.shishi.aggregator.jdbc.AdvisoryLocks;
import cn.shishi.aggregator.jdbc.PersistenceFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The next offset to apply per partition, kept in PostgreSQL beside the rows it accounts for, with
 * the topic id it counts in, and the anomalies found in them. {@link #lock} serialises every writer
 * of a partition: whoever holds the row decides what is new, so a consumer that lost its partition
 * (or froze and woke up) cannot apply a record twice.
 */
@ApplicationScoped
public class OffsetRepository {
  /**
   * The advisory lock that every transaction locking partitions takes shared and a rollup rebuild
   * takes exclusive (beside ExclusiveRun's, which keep one reconciliation and one rebuild at a
   * time). Row locks alone did not hold off a partition whose row did not exist when the rebuild
   * began (partitions added meanwhile): its batches would have counted twice, once in their own
   * shard and once in the rebuild's recount of the ledger.
   */
  public static final long PARTITION_WRITERS = 5_174_003L;

  private static final String ANOMALY_COLUMNS =
      "id, topic, kafka_partition, kind, stored_offset, stored_topic_id, log_start, log_end,"
          + " topic_id, detected_at, resolved_at, resolved_by, adopted_offset, resolution";

  private final DataSource dataSource;

  public OffsetRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Locks the partitions' rows until the transaction ends (creating those that are missing) and
   * returns where each stands, its ledger chain included. Waits while a rebuild {@link
   * #holdPartitionWriters holds writers off}.
   */
  public Map<Integer, PartitionState> lock(String topic, Collection<Integer> partitions) {
    Integer[] ids = partitions.stream().sorted().toArray(Integer[]::new);
    try (Connection connection = dataSource.getConnection()) {
      AdvisoryLocks.shared(connection, PARTITION_WRITERS);
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
              "SELECT o.kafka_partition, o.next_offset, o.topic_id, EXISTS (SELECT 1 FROM"
                  + " offset_anomaly a WHERE a.topic = o.topic AND a.kafka_partition ="
                  + " o.kafka_partition AND a.resolved_at IS NULL), o.chain_head, o.chain_blocks"
                  + " FROM consumer_offset o"
                  + " WHERE o.topic = ? AND o.kafka_partition = ANY(?::int[])"
                  + " ORDER BY o.kafka_partition FOR UPDATE OF o")) {
        select.setString(1, topic);
        select.setArray(2, connection.createArrayOf("int4", ids));
        Map<Integer, PartitionState> states = new TreeMap<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            states.put(
                rows.getInt(1),
                new PartitionState(
                    rows.getLong(2),
                    rows.getObject(3, UUID.class),
                    rows.getBoolean(4),
                    rows.getBytes(5),
                    rows.getLong(6)));
          }
        }
        return states;
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("locking offsets of " + topic, e);
    }
  }

  /**
   * Waits until no transaction holds partitions locked, then holds off every {@link #lock}, of any
   * partition of any topic, those created meanwhile included, until this transaction ends.
   */
  public void holdPartitionWriters() {
    try (Connection connection = dataSource.getConnection()) {
      AdvisoryLocks.exclusive(connection, PARTITION_WRITERS);
    } catch (SQLException e) {
      throw new PersistenceFailure("holding partition writers off", e);
    }
  }

  /**
   * Holds off every {@link #lock} until this transaction ends, if no transaction holds partitions
   * now; false, at once, if one does. Unlike {@link #holdPartitionWriters} it never queues, so a
   * long batch does not make every other batch wait behind the one that asked.
   */
  public boolean tryHoldPartitionWriters() {
    try (Connection connection = dataSource.getConnection()) {
      return AdvisoryLocks.tryExclusive(connection, PARTITION_WRITERS);
    } catch (SQLException e) {
      throw new PersistenceFailure("holding partition writers off", e);
    }
  }

  /**
   * Stores the next offsets of partitions locked by {@link #lock}, and how far in receive time each
   * has been applied ({@code appliedThrough}, where the batch held reports or withdrawals).
   */
  public void advance(
      String topic,
      Map<Integer, Long> nextOffsets,
      Map<Integer, Instant> appliedThrough,
      Instant now) {
    if (nextOffsets.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE consumer_offset SET next_offset = ?, updated_at = ?,"
                    + " applied_through = greatest(applied_through, ?)"
                    + " WHERE topic = ? AND kafka_partition = ?")) {
      for (Map.Entry<Integer, Long> entry : nextOffsets.entrySet()) {
        Instant through = appliedThrough.get(entry.getKey());
        update.setLong(1, entry.getValue());
        update.setTimestamp(2, Timestamp.from(now));
        update.setTimestamp(3, through == null ? null : Timestamp.from(through));
        update.setString(4, topic);
        update.setInt(5, entry.getKey());
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceFailure("storing offsets of " + topic, e);
    }
  }

  /** Every stored position of the topic, by partition (no lock). */
  public Map<Integer, StoredPosition> read(String topic) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT kafka_partition, next_offset, topic_id FROM consumer_offset"
                    + " WHERE topic = ?")) {
      select.setString(1, topic);
      Map<Integer, StoredPosition> positions = new TreeMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          positions.put(
              rows.getInt(1), new StoredPosition(rows.getLong(2), rows.getObject(3, UUID.class)));
        }
      }
      return positions;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading offsets of " + topic, e);
    }
  }

  /**
   * Records that the partitions' offsets count in the topic with {@code topicId}, where nothing
   * says so yet: a partition never seen starts at 0. A row that already names its topic is not
   * touched, so a rebalance never waits for the offset lock a batch (perhaps a frozen instance's)
   * holds on it.
   */
  public void claimTopicId(String topic, Collection<Integer> partitions, UUID topicId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO consumer_offset (topic, kafka_partition, next_offset, updated_at,"
                    + " topic_id) SELECT ?, p, 0, now(), ? FROM unnest(?::int[]) AS p"
                    + " ON CONFLICT DO NOTHING");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE consumer_offset SET topic_id = ? WHERE topic = ?"
                    + " AND kafka_partition = ANY(?::int[]) AND topic_id IS NULL")) {
      Array ids = connection.createArrayOf("int4", partitions.toArray());
      insert.setString(1, topic);
      insert.setObject(2, topicId);
      insert.setArray(3, ids);
      insert.executeUpdate();
      update.setObject(1, topicId);
      update.setString(2, topic);
      update.setArray(3, ids);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("recording the topic id of " + topic, e);
    }
  }

  /** Records a finding unless the partition has an open anomaly already; true if it was new. */
  public boolean raise(String topic, OffsetAnomaly.Finding finding, Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO offset_anomaly (topic, kafka_partition, kind, stored_offset,"
                    + " stored_topic_id, log_start, log_end, topic_id, detected_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (topic, kafka_partition) WHERE resolved_at IS NULL DO NOTHING")) {
      insert.setString(1, topic);
      insert.setInt(2, finding.partition());
      insert.setString(3, finding.kind().code());
      insert.setLong(4, finding.storedOffset());
      insert.setObject(5, finding.storedTopicId());
      insert.setLong(6, finding.logStart());
      insert.setLong(7, finding.logEnd());
      insert.setObject(8, finding.topicId());
      insert.setTimestamp(9, Timestamp.from(now));
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new PersistenceFailure("recording an offset anomaly of " + topic, e);
    }
  }

  /** The topic's anomalies, open ones first, then the most recent. */
  public List<OffsetAnomaly> anomalies(String topic, int limit) {
    return anomalies(
        "SELECT "
            + ANOMALY_COLUMNS
            + " FROM offset_anomaly WHERE topic = ?"
            + " ORDER BY resolved_at IS NULL DESC, id DESC LIMIT "
            + limit,
        topic);
  }

  /** The topic's open anomalies: the partitions that are held. */
  public List<OffsetAnomaly> openAnomalies(String topic) {
    return anomalies(
        "SELECT "
            + ANOMALY_COLUMNS
            + " FROM offset_anomaly WHERE topic = ? AND resolved_at IS NULL ORDER BY kafka_partition",
        topic);
  }

  /** One anomaly, its row locked until the transaction ends. */
  public Optional<OffsetAnomaly> lockAnomaly(long id) {
    List<OffsetAnomaly> found =
        anomalies("SELECT " + ANOMALY_COLUMNS + " FROM offset_anomaly WHERE id = ? FOR UPDATE", id);
    return found.stream().findFirst();
  }

  /** Closes an anomaly: its partition goes on from {@code resolution}'s offset. */
  public void resolve(long id, OffsetAnomaly.Resolution resolution) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE offset_anomaly SET resolved_at = ?, resolved_by = ?, adopted_offset = ?,"
                    + " resolution = ? WHERE id = ?")) {
      update.setTimestamp(1, Timestamp.from(resolution.at()));
      update.setString(2, resolution.by());
      update.setLong(3, resolution.adoptedOffset());
      update.setString(4, resolution.note());
      update.setLong(5, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("resolving offset anomaly " + id, e);
    }
  }

  /** Sets where a partition goes on, and in which topic's log: an admin's decision. */
  public void reposition(String topic, int partition, long next, UUID topicId, Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert =
            connection.prepareStatement(
                "INSERT INTO consumer_offset (topic, kafka_partition, next_offset, updated_at,"
                    + " topic_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic, kafka_partition)"
                    + " DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at ="
                    + " EXCLUDED.updated_at, topic_id = EXCLUDED.topic_id")) {
      upsert.setString(1, topic);
      upsert.setInt(2, partition);
      upsert.setLong(3, next);
      upsert.setTimestamp(4, Timestamp.from(now));
      upsert.setObject(5, topicId);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("repositioning " + topic + "/" + partition, e);
    }
  }

  private List<OffsetAnomaly> anomalies(String sql, Object parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, parameter);
      List<OffsetAnomaly> anomalies = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          Timestamp resolvedAt = row.getTimestamp(11);
          anomalies.add(
              new OffsetAnomaly(
                  row.getLong(1),
                  row.getString(2),
                  row.getInt(3),
                  AnomalyKind.ofCode(row.getString(4)),
                  row.getLong(5),
                  row.getObject(6, UUID.class),
                  row.getLong(7),
                  row.getLong(8),
                  row.getObject(9, UUID.class),
                  row.getTimestamp(10).toInstant(),
                  resolvedAt == null
                      ? null
                      : new OffsetAnomaly.Resolution(
                          resolvedAt.toInstant(),
                          row.getString(12),
                          row.getLong(13),
                          row.getString(14))));
        }
      }
      return anomalies;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading offset anomalies", e);
    }
  }
}
