package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.offsets.PartitionState;
import cn.shishi.contract.chain.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Appends a batch's ledger entries to their partitions' hash chains, in the batch's transaction:
 * one block per partition, its entries in offset order, and the partitions' new heads beside their
 * positions. The partitions' offset rows are locked by the batch, so each chain grows in one place
 * at a time.
 */
@ApplicationScoped
public class ChainWriter {
  /** A ledger entry written by this batch: where it was read from, and its canonical content. */
  public record Entry(RecordPosition position, byte[] content) {}

  private static final int HASH = 32;

  private final DataSource dataSource;

  public ChainWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Links the entries; call it after the batch has advanced the partitions' offsets. {@code states}
   * are the partitions as the batch locked them: their chains' heads and lengths.
   */
  public void append(String topic, List<Entry> entries, Map<Integer, PartitionState> states) {
    if (entries.isEmpty()) {
      return;
    }
    Map<Integer, List<Entry>> byPartition = new TreeMap<>();
    entries.forEach(
        entry ->
            byPartition
                .computeIfAbsent(entry.position().partition(), p -> new ArrayList<>())
                .add(entry));
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO ledger_block (kafka_partition, seq, kafka_offsets, entry_hashes,"
                    + " head) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE consumer_offset SET chain_head = ?, chain_blocks = ?"
                    + " WHERE topic = ? AND kafka_partition = ?")) {
      for (Map.Entry<Integer, List<Entry>> partition : byPartition.entrySet()) {
        PartitionState state = states.get(partition.getKey());
        byte[] previous = state.chainHead() == null ? Hashes.GENESIS : state.chainHead();
        byte[] head =
            block(
                c, insert, partition.getKey(), previous, state.chainBlocks(), partition.getValue());
        update.setBytes(1, head);
        update.setLong(2, state.chainBlocks() + 1);
        update.setString(3, topic);
        update.setInt(4, partition.getKey());
        update.addBatch();
      }
      insert.executeBatch();
      for (int updated : update.executeBatch()) {
        if (updated != 1) {
          throw new SQLException("a chain's head has no offset row to live in", "55000");
        }
      }
    } catch (SQLException e) {
      if (uniqueViolation(e)) {
        // A block already at this place: the stored chain length disagrees with the blocks (the
        // database was edited). Not the records' fault: the batch waits, retried, instead of its
        // records being set aside as refused data; the verifier names the place.
        throw new PersistenceFailure(
            "linking ledger entries: the chain's length disagrees with its blocks",
            new SQLException(e.getMessage(), "55000", e));
      }
      throw new PersistenceFailure("linking ledger entries", e);
    }
  }

  private static boolean uniqueViolation(SQLException failure) {
    for (SQLException e = failure; e != null; e = e.getNextException()) {
      if ("23505".equals(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Adds the partition's block to the batched insert and returns its head. */
  private static byte[] block(
      Connection c,
      PreparedStatement insert,
      int partition,
      byte[] previous,
      long seq,
      List<Entry> entries)
      throws SQLException {
    List<Entry> ordered = new ArrayList<>(entries);
    ordered.sort((a, b) -> Long.compare(a.position().offset(), b.position().offset()));
    Long[] offsets = new Long[ordered.size()];
    byte[] entryHashes = new byte[ordered.size() * HASH];
    for (int i = 0; i < ordered.size(); i++) {
      offsets[i] = ordered.get(i).position().offset();
      System.arraycopy(Hashes.sha256(ordered.get(i).content()), 0, entryHashes, i * HASH, HASH);
    }
    byte[] head = Hashes.head(previous, entryHashes);
    insert.setInt(1, partition);
    insert.setLong(2, seq);
    insert.setArray(3, c.createArrayOf("int8", offsets));
    insert.setBytes(4, entryHashes);
    insert.setBytes(5, head);
    insert.addBatch();
    return head;
  }
}
