package cn.shishi.contract.chain;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks the ledger's hash chains in a live database: for every partition, in chain order, each
 * entry's canonical content ({@link LedgerEntries}) must hash to the hash its block holds for it,
 * each block's head must follow from the previous head and its entries' hashes, and the last head
 * must be the one the consumer stored. It stops at the first broken link and names it. Plain JDBC:
 * an auditor runs it with read access ({@code bin/shishi audit verify}), without the services.
 */
public final class ChainVerifier {
  /**
   * Every ledger entry and its link (its place in a block), in chain order; a missing side is all
   * nulls. An entry meets its link by partition and offset; should a topic be deleted and created
   * again, its offsets start anew, and the n-th entry at an offset (by when it was applied) meets
   * the n-th link there.
   */
  private static final String ENTRIES =
      "WITH entries AS ("
          + "SELECT kafka_partition AS p, kafka_offset AS o, 'report' AS kind, report_id AS id,"
          + " office_id, region_code::text AS region, program, task_type, quantity::bigint AS q,"
          + " beneficiaries::bigint AS b, completed_at AS t1, day, note AS txt,"
          + " received_at AS t2, filed_by, NULL::boolean AS flag, NULL::text AS x1,"
          + " NULL::text AS x2, NULL::bytea AS k, NULL::bytea AS v, processed_at AS at FROM report"
          + " UNION ALL SELECT kafka_partition, kafka_offset, 'withdrawal', report_id, office_id,"
          + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, reason, received_at, filed_by, by_admin,"
          + " outcome, detail, NULL, NULL, processed_at FROM report_withdrawal"
          + " UNION ALL SELECT kafka_partition, kafka_offset, 'duplicate', report_id, office_id,"
          + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, event, NULL, NULL, same_content, NULL,"
          + " NULL, NULL, NULL, processed_at FROM report_duplicate"
          + " UNION ALL SELECT kafka_partition, kafka_offset, 'dead-letter', report_id, NULL,"
          + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, detail, NULL, NULL, NULL, reason, topic,"
          + " record_key, payload, processed_at FROM dead_letter),"
          + " numbered AS (SELECT *, row_number() OVER (PARTITION BY p, o ORDER BY at, kind)"
          + " AS n FROM entries),"
          + " links AS (SELECT b.kafka_partition, b.seq, x.i, cardinality(b.kafka_offsets) AS size,"
          + " x.o AS kafka_offset, substring(b.entry_hashes FROM (x.i::int - 1) * 32 + 1 FOR 32)"
          + " AS entry_hash, b.head, row_number() OVER (PARTITION BY b.kafka_partition, x.o"
          + " ORDER BY b.seq, x.i) AS n"
          + " FROM ledger_block b, unnest(b.kafka_offsets) WITH ORDINALITY AS x(o, i))"
          + " SELECT coalesce(e.p, l.kafka_partition), coalesce(e.o, l.kafka_offset), e.kind,"
          + " e.id, e.office_id, e.region, e.program, e.task_type, e.q, e.b, e.t1, e.day, e.txt,"
          + " e.t2, e.filed_by, e.flag, e.x1, e.x2, e.k, e.v, l.entry_hash, l.seq, l.i, l.size,"
          + " l.head FROM numbered e FULL JOIN links l"
          + " ON l.kafka_partition = e.p AND l.kafka_offset = e.o AND l.n = e.n"
          + " ORDER BY 1, l.seq NULLS LAST, l.i, 2";

  private ChainVerifier() {}

  /** What verification found: how much it checked, each partition's head, the first break. */
  public record Result(long entries, Map<Integer, String> heads, Optional<String> broken) {
    public boolean intact() {
      return broken.isEmpty();
    }
  }

  public static Result verify(Connection connection) throws SQLException {
    return verify(connection, List.of());
  }

  /**
   * As {@link #verify(Connection)}, and each chain must pass through every head anchored for its
   * partition ({@link AnchorLog}): the head after that many blocks must be the anchored one.
   */
  public static Result verify(Connection connection, Collection<ChainAnchor> anchors)
      throws SQLException {
    Map<Integer, Map<Long, List<ChainAnchor>>> anchored = new HashMap<>();
    anchors.forEach(
        anchor ->
            anchored
                .computeIfAbsent(anchor.partition(), p -> new HashMap<>())
                .computeIfAbsent(anchor.blocks(), b -> new ArrayList<>())
                .add(anchor));
    boolean autoCommit = connection.getAutoCommit();
    int isolation = connection.getTransactionIsolation();
    connection.setAutoCommit(false);
    // One snapshot for the chains and the stored heads: a batch committing meanwhile is seen by
    // both or by neither.
    if (isolation != Connection.TRANSACTION_REPEATABLE_READ) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }
    Map<Integer, Long> chainFrom = chainFrom(connection);
    try (PreparedStatement select = connection.prepareStatement(ENTRIES)) {
      select.setFetchSize(5000);
      Map<Integer, byte[]> heads = new LinkedHashMap<>();
      Map<Integer, ByteArrayOutputStream> blocks = new HashMap<>();
      Map<Integer, Long> verifiedBlocks = new HashMap<>();
      long entries = 0;
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          int partition = row.getInt(1);
          long offset = row.getLong(2);
          String where = "partition " + partition + " offset " + offset;
          String kind = row.getString(3);
          byte[] entryHash = row.getBytes(21);
          if (kind == null) {
            return broken(entries, heads, where + ": a link without its ledger entry (deleted?)");
          }
          String entry = where + ": " + kind + " " + row.getString(4);
          if (entryHash == null && offset < chainFrom.getOrDefault(partition, 0L)) {
            continue; // applied before the chain started (V13, V14)
          }
          if (entryHash == null) {
            return broken(entries, heads, entry + " has no link (inserted outside the chain?)");
          }
          byte[] content = Hashes.sha256(content(kind, row, partition, offset));
          if (!Arrays.equals(content, entryHash)) {
            return broken(entries, heads, entry + ": its content differs from what was chained");
          }
          long block = row.getLong(22);
          ByteArrayOutputStream hashes =
              blocks.computeIfAbsent(partition, p -> new ByteArrayOutputStream());
          hashes.writeBytes(entryHash);
          entries++;
          if (row.getLong(23) == row.getLong(24)) {
            byte[] previous = heads.getOrDefault(partition, Hashes.GENESIS);
            if (block != verifiedBlocks.getOrDefault(partition, 0L)
                || !Arrays.equals(Hashes.head(previous, hashes.toByteArray()), row.getBytes(25))) {
              return broken(
                  entries,
                  heads,
                  "partition "
                      + partition
                      + " block "
                      + block
                      + ", ending with "
                      + entry
                      + ": its head does not follow from the previous block and its entries");
            }
            heads.put(partition, row.getBytes(25));
            verifiedBlocks.merge(partition, 1L, Long::sum);
            Optional<String> unlike = unlikeAnchors(anchored, partition, block, row.getBytes(25));
            if (unlike.isPresent()) {
              return broken(entries, heads, unlike.get() + ", ending with " + entry);
            }
            hashes.reset();
          }
        }
      }
      Optional<String> beyond = anchoredBeyond(anchored, verifiedBlocks);
      if (beyond.isPresent()) {
        return broken(entries, heads, beyond.get());
      }
      Optional<String> stored = storedHeads(connection, heads);
      return stored.isPresent()
          ? broken(entries, heads, stored.get())
          : result(entries, heads, null);
    } finally {
      connection.rollback();
      if (isolation != Connection.TRANSACTION_REPEATABLE_READ) {
        connection.setTransactionIsolation(isolation);
      }
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The anchors published after this block, which must all hold its head. */
  private static Optional<String> unlikeAnchors(
      Map<Integer, Map<Long, List<ChainAnchor>>> anchored, int partition, long block, byte[] head) {
    String hex = Hashes.hex(head);
    return anchored.getOrDefault(partition, Map.of()).getOrDefault(block + 1, List.of()).stream()
        .filter(anchor -> !anchor.head().equalsIgnoreCase(hex))
        .findFirst()
        .map(
            anchor ->
                "partition "
                    + partition
                    + " block "
                    + block
                    + ": its head is not the one anchored at "
                    + anchor.at());
  }

  /** An anchor for a block the chain does not have: blocks were removed, or the chain rewritten. */
  private static Optional<String> anchoredBeyond(
      Map<Integer, Map<Long, List<ChainAnchor>>> anchored, Map<Integer, Long> verifiedBlocks) {
    for (Map.Entry<Integer, Map<Long, List<ChainAnchor>>> partition : anchored.entrySet()) {
      long blocks = verifiedBlocks.getOrDefault(partition.getKey(), 0L);
      for (List<ChainAnchor> at : partition.getValue().values()) {
        for (ChainAnchor anchor : at) {
          if (anchor.blocks() > blocks) {
            return Optional.of(
                "partition "
                    + anchor.partition()
                    + ": the chain has "
                    + blocks
                    + " blocks, but a head was anchored after "
                    + anchor.blocks()
                    + " at "
                    + anchor.at()
                    + " (blocks removed, or the chain rewritten)");
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Where each partition's chain starts: entries before it were applied before chains existed. */
  private static Map<Integer, Long> chainFrom(Connection connection) throws SQLException {
    Map<Integer, Long> from = new LinkedHashMap<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT kafka_partition, chain_from FROM consumer_offset WHERE chain_from IS NOT NULL");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        from.put(row.getInt(1), row.getLong(2));
      }
    }
    return from;
  }

  /** The heads the consumer stored must be where the chains end. */
  private static Optional<String> storedHeads(Connection connection, Map<Integer, byte[]> heads)
      throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT kafka_partition, chain_head FROM consumer_offset WHERE chain_head IS NOT NULL");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        byte[] computed = heads.get(row.getInt(1));
        if (computed == null) {
          return Optional.of(
              "partition "
                  + row.getInt(1)
                  + ": a head is stored, but no block of its chain is left");
        }
        if (!Arrays.equals(computed, row.getBytes(2))) {
          return Optional.of(
              "partition " + row.getInt(1) + ": the stored head is not where the chain ends");
        }
      }
    }
    return Optional.empty();
  }

  private static byte[] content(String kind, ResultSet row, int partition, long offset)
      throws SQLException {
    UUID id = row.getObject(4, UUID.class);
    return switch (kind) {
      case LedgerEntries.REPORT ->
          LedgerEntries.report(
              row.getString(5),
              id,
              row.getString(6),
              row.getString(7),
              row.getString(8),
              row.getLong(9),
              row.getLong(10),
              instant(row.getTimestamp(11)),
              row.getObject(12, LocalDate.class),
              row.getString(13),
              instant(row.getTimestamp(14)),
              row.getString(15),
              partition,
              offset);
      case LedgerEntries.WITHDRAWAL ->
          LedgerEntries.withdrawal(
              id,
              row.getString(5),
              row.getString(13),
              row.getString(17),
              row.getString(18),
              instant(row.getTimestamp(14)),
              row.getString(15),
              row.getBoolean(16),
              partition,
              offset);
      case LedgerEntries.DUPLICATE ->
          LedgerEntries.duplicate(
              id, row.getString(5), row.getBoolean(16), row.getString(13), partition, offset);
      default ->
          LedgerEntries.deadLetter(
              row.getString(18),
              row.getString(17),
              row.getString(13),
              id,
              row.getBytes(19),
              row.getBytes(20),
              partition,
              offset);
    };
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Result broken(long entries, Map<Integer, byte[]> heads, String where) {
    return result(entries, heads, where);
  }

  private static Result result(long entries, Map<Integer, byte[]> heads, String broken) {
    Map<Integer, String> hex = new LinkedHashMap<>();
    heads.forEach((partition, head) -> hex.put(partition, Hashes.hex(head)));
    return new Result(entries, hex, Optional.ofNullable(broken));
  }
}
