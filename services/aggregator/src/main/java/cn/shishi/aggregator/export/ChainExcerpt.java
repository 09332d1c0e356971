package cn.shishi.aggregator.export;

import cn.shishi.contract.chain.Hashes;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the ledger's chains an export's rows sit in: per partition, every block from the
 * first one holding an exported row to the head, with the head before it, as JSON Lines. An auditor
 * follows each partition's heads from there to the manifest's, and finds each row's hash in its
 * block (docs/guarantees.md).
 */
final class ChainExcerpt {
  static final String FILE = "chain.jsonl";

  /** The first exported offset per partition at or after where its chain begins. */
  private final Map<Integer, Long> firstChained = new TreeMap<>();

  private final Map<Integer, Long> chainFrom;

  ChainExcerpt(Map<Integer, Long> chainFrom) {
    this.chainFrom = chainFrom;
  }

  /** Notes an exported row's position. */
  void row(Object partition, Object offset) {
    if (partition instanceof Number p && offset instanceof Number o) {
      int key = p.intValue();
      if (o.longValue() >= chainFrom.getOrDefault(key, 0L)) {
        firstChained.merge(key, o.longValue(), Math::min);
      }
    }
  }

  /** Writes the blocks, in the snapshot the rows came from. */
  void write(Connection c, OutputStream out, ObjectMapper json) throws SQLException, IOException {
    JsonGenerator generator = json.getFactory().createGenerator(out);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    for (Map.Entry<Integer, Long> first : firstChained.entrySet()) {
      long seq = firstBlock(c, first.getKey(), first.getValue());
      if (seq >= 0) {
        blocks(c, first.getKey(), seq, generator);
      }
    }
    generator.flush();
  }

  private static long firstBlock(Connection c, int partition, long offset) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT min(seq) FROM ledger_block WHERE kafka_partition = ?"
                + " AND ? = ANY(kafka_offsets)")) {
      select.setInt(1, partition);
      select.setLong(2, offset);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        long seq = row.getLong(1);
        return row.wasNull() ? -1 : seq;
      }
    }
  }

  private static void blocks(Connection c, int partition, long from, JsonGenerator out)
      throws SQLException, IOException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT seq, kafka_offsets, entry_hashes, head, lag(head) OVER (ORDER BY seq)"
                + " FROM ledger_block WHERE kafka_partition = ? AND seq >= ? - 1 ORDER BY seq")) {
      select.setInt(1, partition);
      select.setLong(2, from);
      select.setFetchSize(1000);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          if (row.getLong(1) < from) {
            continue;
          }
          byte[] previous = row.getBytes(5);
          out.writeStartObject();
          out.writeNumberField("partition", partition);
          out.writeNumberField("block", row.getLong(1));
          if (row.getLong(1) == from) {
            out.writeStringField(
                "previousHead", Hashes.hex(previous == null ? Hashes.GENESIS : previous));
          }
          out.writeArrayFieldStart("offsets");
          Array offsets = row.getArray(2);
          for (Long offset : (Long[]) offsets.getArray()) {
            out.writeNumber(offset);
          }
          out.writeEndArray();
          byte[] hashes = row.getBytes(3);
          out.writeArrayFieldStart("entryHashes");
          for (int i = 0; i < hashes.length; i += 32) {
            out.writeString(HexFormat.of().formatHex(hashes, i, i + 32));
          }
          out.writeEndArray();
          out.writeStringField("head", Hashes.hex(row.getBytes(4)));
          out.writeEndObject();
          out.writeRaw('\n');
        }
      }
    }
  }
}
