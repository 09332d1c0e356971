package cn.shishi.aggregator.deadletter;

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
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The dead letters kept in PostgreSQL: listed, published, resolved. */
@ApplicationScoped
public class DeadLetterRepository {
  private static final String COLUMNS =
      "id, topic, kafka_partition, kafka_offset, reason, detail, report_id, processed_at,"
          + " record_key, payload, header_names, header_values, record_timestamp, redriven_from,"
          + " state, resolved_at, resolved_by, resolution, published_at, publish_attempts,"
          + " publish_error";

  private final DataSource dataSource;

  public DeadLetterRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Which dead letters to list: absent filters match all; {@code after} is the last id seen. */
  public record Filter(
      Optional<StoredDeadLetter.State> state,
      Optional<String> reason,
      Optional<UUID> reportId,
      Optional<Long> after) {}

  /** Up to {@code limit} dead letters after the cursor, in id order. */
  public List<StoredDeadLetter> list(Filter filter, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM dead_letter WHERE (?::varchar IS NULL OR state = ?::varchar)"
            + " AND (?::varchar IS NULL OR reason = ?::varchar)"
            + " AND (?::uuid IS NULL OR report_id = ?::uuid)"
            + " AND id > ? ORDER BY id LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      String state = filter.state().map(Enum::name).orElse(null);
      select.setString(1, state);
      select.setString(2, state);
      select.setString(3, filter.reason().orElse(null));
      select.setString(4, filter.reason().orElse(null));
      select.setObject(5, filter.reportId().orElse(null));
      select.setObject(6, filter.reportId().orElse(null));
      select.setLong(7, filter.after().orElse(0L));
      select.setInt(8, limit);
      return rows(select);
    } catch (SQLException e) {
      throw new PersistenceFailure("listing dead letters", e);
    }
  }

  public Optional<StoredDeadLetter> find(long id) {
    return one("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?", id);
  }

  /** The dead letter, its row locked until the transaction ends. */
  public Optional<StoredDeadLetter> lock(long id) {
    return one("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ? FOR UPDATE", id);
  }

  /** The ids of the open dead letters of {@code reason}, oldest first. */
  public List<Long> openIds(String reason, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id FROM dead_letter WHERE state = 'OPEN' AND reason = ? ORDER BY id"
                    + " LIMIT ?")) {
      select.setString(1, reason);
      select.setInt(2, limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new PersistenceFailure("listing open dead letters", e);
    }
  }

  /**
   * Up to {@code limit} dead letters not yet in the dead-letter topic, locked; rows another
   * instance is publishing are skipped.
   */
  public List<StoredDeadLetter> lockUnpublished(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM dead_letter WHERE published_at IS NULL ORDER BY id LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED")) {
      select.setInt(1, limit);
      return rows(select);
    } catch (SQLException e) {
      throw new PersistenceFailure("reading unpublished dead letters", e);
    }
  }

  public void markPublished(Collection<Long> ids, Instant at) {
    update(
        "UPDATE dead_letter SET published_at = ?, publish_attempts = publish_attempts + 1,"
            + " publish_error = NULL WHERE id = ANY(?)",
        ids,
        Timestamp.from(at));
  }

  public void markUnpublished(Collection<Long> ids, String error) {
    update(
        "UPDATE dead_letter SET publish_attempts = publish_attempts + 1, publish_error = ?"
            + " WHERE id = ANY(?)",
        ids,
        error);
  }

  /** Records a decision on an open dead letter. */
  public void resolve(
      long id,
      StoredDeadLetter.State state,
      String by,
      String resolution,
      byte[] correctedPayload,
      Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE dead_letter SET state = ?, resolved_by = ?, resolution = ?,"
                    + " corrected_payload = ?, resolved_at = ? WHERE id = ?")) {
      update.setString(1, state.name());
      update.setString(2, by);
      update.setString(3, resolution);
      update.setBytes(4, correctedPayload);
      update.setTimestamp(5, Timestamp.from(at));
      update.setLong(6, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("resolving dead letter " + id, e);
    }
  }

  /** How many dead letters are open, and how many are not yet in the dead-letter topic. */
  public Counts counts() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE state = 'OPEN'),"
                    + " count(*) FILTER (WHERE published_at IS NULL),"
                    + " min(processed_at) FILTER (WHERE published_at IS NULL) FROM dead_letter");
        ResultSet row = select.executeQuery()) {
      row.next();
      Timestamp oldest = row.getTimestamp(3);
      return new Counts(row.getLong(1), row.getLong(2), oldest == null ? null : oldest.toInstant());
    } catch (SQLException e) {
      throw new PersistenceFailure("counting dead letters", e);
    }
  }

  /** Open dead letters, unpublished ones, and when the oldest unpublished one was met. */
  public record Counts(long open, long unpublished, Instant oldestUnpublished) {}

  private void update(String sql, Collection<Long> ids, Object first) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      update.setObject(1, first);
      update.setArray(2, c.createArrayOf("int8", ids.toArray()));
      update.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceFailure("updating dead letters", e);
    }
  }

  private Optional<StoredDeadLetter> one(String sql, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, id);
      return rows(select).stream().findFirst();
    } catch (SQLException e) {
      throw new PersistenceFailure("reading dead letter " + id, e);
    }
  }

  private static List<StoredDeadLetter> rows(PreparedStatement select) throws SQLException {
    List<StoredDeadLetter> letters = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        letters.add(
            new StoredDeadLetter(
                row.getLong(1),
                row.getString(2),
                row.getInt(3),
                row.getLong(4),
                row.getString(5),
                row.getString(6),
                row.getObject(7, UUID.class),
                row.getTimestamp(8).toInstant(),
                row.getBytes(9),
                row.getBytes(10),
                headers(row.getArray(11), row.getArray(12)),
                (Long) row.getObject(13),
                (Long) row.getObject(14),
                StoredDeadLetter.State.valueOf(row.getString(15)),
                instant(row.getTimestamp(16)),
                row.getString(17),
                row.getString(18),
                instant(row.getTimestamp(19)),
                row.getInt(20),
                row.getString(21)));
      }
    }
    return letters;
  }

  private static List<StoredDeadLetter.Header> headers(Array names, Array values)
      throws SQLException {
    if (names == null) {
      return List.of();
    }
    Object[] n = (Object[]) names.getArray();
    Object[] v = (Object[]) values.getArray();
    List<StoredDeadLetter.Header> headers = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      headers.add(new StoredDeadLetter.Header((byte[]) n[i], (byte[]) v[i]));
    }
    return headers;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
