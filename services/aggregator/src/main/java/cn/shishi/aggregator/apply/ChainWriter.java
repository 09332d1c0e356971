package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.contract.chain.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Appends a batch's ledger entries to their partitions' hash chains, in the batch's transaction:
 * one link per entry, in offset order, and the partitions' new heads beside their positions. The
 * partitions' offset rows are locked by the batch, so each chain grows in one place at a time.
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

  /** Links the entries; call it after the batch has advanced the partitions' offsets. */
  public void append(String topic, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<Entry> ordered =
        entries.stream()
            .sorted(
                Comparator.comparingInt((Entry e) -> e.position().partition())
                    .thenComparingLong(e -> e.position().offset()))
            .toList();
    TreeSet<Integer> partitions = new TreeSet<>();
    ordered.forEach(entry -> partitions.add(entry.position().partition()));
    try (Connection c = dataSource.getConnection()) {
      Map<Integer, byte[]> heads = new HashMap<>();
      Map<Integer, Long> lengths = new HashMap<>();
      read(c, topic, partitions, heads, lengths);
      int n = ordered.size();
      Integer[] linkPartitions = new Integer[n];
      Long[] seqs = new Long[n];
      Long[] offsets = new Long[n];
      // The hashes travel as two binary parameters of n * 32 bytes: bytea arrays would be sent
      // as hex text and parsed back, which measurably cost more (B2, docs/benchmarks.md).
      byte[] entryHashes = new byte[n * HASH];
      byte[] chainHashes = new byte[n * HASH];
      for (int i = 0; i < n; i++) {
        Entry entry = ordered.get(i);
        int partition = entry.position().partition();
        byte[] entryHash = Hashes.sha256(entry.content());
        byte[] link = Hashes.link(heads.getOrDefault(partition, Hashes.GENESIS), entryHash);
        heads.put(partition, link);
        long seq = lengths.merge(partition, 1L, Long::sum) - 1;
        linkPartitions[i] = partition;
        seqs[i] = seq;
        offsets[i] = entry.position().offset();
        System.arraycopy(entryHash, 0, entryHashes, i * HASH, HASH);
        System.arraycopy(link, 0, chainHashes, i * HASH, HASH);
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO ledger_link (kafka_partition, seq, kafka_offset, entry_hash,"
                  + " chain_hash) SELECT x.p, x.s, x.o,"
                  + " substring(h.e FROM (x.i::int - 1) * 32 + 1 FOR 32),"
                  + " substring(h.c FROM (x.i::int - 1) * 32 + 1 FOR 32)"
                  + " FROM (SELECT ?::bytea AS e, ?::bytea AS c) AS h,"
                  + " unnest(?::int[], ?::bigint[], ?::bigint[]) WITH ORDINALITY AS x(p, s, o, i)")) {
        insert.setBytes(1, entryHashes);
        insert.setBytes(2, chainHashes);
        insert.setArray(3, c.createArrayOf("int4", linkPartitions));
        insert.setArray(4, c.createArrayOf("int8", seqs));
        insert.setArray(5, c.createArrayOf("int8", offsets));
        insert.executeUpdate();
      }
      storeHeads(c, topic, partitions, heads, lengths);
    } catch (SQLException e) {
      throw new PersistenceFailure("linking ledger entries", e);
    }
  }

  /** Each chain's head and length (how many links it has: the next link's seq). */
  private static void read(
      Connection c,
      String topic,
      TreeSet<Integer> partitions,
      Map<Integer, byte[]> heads,
      Map<Integer, Long> lengths)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT kafka_partition, chain_head, chain_length FROM consumer_offset"
                + " WHERE topic = ? AND kafka_partition = ANY(?) AND chain_head IS NOT NULL")) {
      select.setString(1, topic);
      select.setArray(2, c.createArrayOf("int4", partitions.toArray()));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          heads.put(row.getInt(1), row.getBytes(2));
          lengths.put(row.getInt(1), row.getLong(3));
        }
      }
    }
  }

  private static void storeHeads(
      Connection c,
      String topic,
      TreeSet<Integer> partitions,
      Map<Integer, byte[]> heads,
      Map<Integer, Long> lengths)
      throws SQLException {
    List<byte[]> values = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    partitions.forEach(
        partition -> {
          values.add(heads.get(partition));
          counts.add(lengths.get(partition));
        });
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE consumer_offset o SET chain_head = x.head, chain_length = x.length"
                + " FROM unnest(?::int[], ?::bytea[], ?::bigint[]) AS x(kafka_partition, head,"
                + " length) WHERE o.topic = ? AND o.kafka_partition = x.kafka_partition")) {
      update.setArray(1, c.createArrayOf("int4", partitions.toArray()));
      update.setArray(2, c.createArrayOf("bytea", values.toArray(byte[][]::new)));
      update.setArray(3, c.createArrayOf("int8", counts.toArray()));
      update.setString(4, topic);
      if (update.executeUpdate() != partitions.size()) {
        throw new SQLException("a chain's head has no offset row to live in", "55000");
      }
    }
  }
}
