package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Keeps a batch's dead letters whole, in the batch's transaction: the record's bytes, key and
 * headers, where it was read and why it could not be applied. They are published to the dead-letter
 * topic after the commit (the outbox in {@code deadletter}).
 */
@ApplicationScoped
public class DeadLetterWriter {
  private static final String INSERT =
      "INSERT INTO dead_letter (kafka_partition, kafka_offset, reason, detail, processed_at,"
          + " report_id, topic, record_key, payload, header_names, header_values,"
          + " record_timestamp, redriven_from)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;

  public DeadLetterWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void record(List<DeadLetter> deadLetters, Instant now) {
    if (deadLetters.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (DeadLetter letter : deadLetters) {
        RecordCopy record = letter.record();
        insert.setInt(1, letter.position().partition());
        insert.setLong(2, letter.position().offset());
        insert.setString(3, letter.reason());
        insert.setString(4, Detail.storable(letter.detail()));
        insert.setTimestamp(5, Timestamp.from(now));
        insert.setObject(6, letter.reportId(), Types.OTHER);
        insert.setString(7, record.topic());
        insert.setBytes(8, record.key());
        insert.setBytes(9, record.value());
        insert.setArray(10, c.createArrayOf("bytea", names(record)));
        insert.setArray(11, c.createArrayOf("bytea", values(record)));
        insert.setObject(12, record.timestamp(), Types.BIGINT);
        setRedrivenFrom(insert, record);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceFailure("recording dead letters", e);
    }
  }

  private static byte[][] names(RecordCopy record) {
    return record.headers().stream()
        .map(h -> h.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toArray(byte[][]::new);
  }

  private static byte[][] values(RecordCopy record) {
    return record.headers().stream().map(RecordCopy.Header::value).toArray(byte[][]::new);
  }

  /** A re-driven record that failed again names the dead letter it came from. */
  private static void setRedrivenFrom(PreparedStatement insert, RecordCopy record)
      throws SQLException {
    Long from = RedriveHeader.of(record);
    if (from == null) {
      insert.setNull(13, Types.BIGINT);
    } else {
      insert.setLong(13, from);
    }
  }
}
