package cn.shishi.contract.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a ledger export on its own (docs/guarantees.md): the data file against its manifest (rows
 * and SHA-256); the chain excerpt, block by block, from each partition's first exported row to the
 * manifest's head; and, in JSON Lines, every row's canonical content against the hash its block
 * holds for it. CSV neutralises text for spreadsheets, so its rows are held to the manifest only.
 */
public final class ExportVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the check found: rows, rows found in the chain, rows older than it, the first break. */
  public record Result(long rows, long chained, long beforeChain, Optional<String> broken) {
    public boolean intact() {
      return broken.isEmpty();
    }
  }

  private ExportVerifier() {}

  public static Result verify(Path export) throws IOException {
    try (ZipFile zip = new ZipFile(export.toFile())) {
      ZipEntry manifestEntry = zip.getEntry("manifest.json");
      if (manifestEntry == null) {
        return broken(0, 0, 0, "the export has no manifest.json");
      }
      JsonNode manifest = JSON.readTree(zip.getInputStream(manifestEntry));
      ZipEntry data = zip.getEntry(manifest.path("file").asText());
      if (data == null) {
        return broken(0, 0, 0, "the export lacks its data file " + manifest.path("file"));
      }
      Optional<String> whole = whole(zip, data, manifest);
      if (whole.isPresent()) {
        return broken(0, 0, 0, whole.get());
      }
      Map<Long, List<byte[]>> links = new HashMap<>();
      Optional<String> chain = chain(zip, manifest, links);
      if (chain.isPresent()) {
        return broken(0, 0, 0, chain.get());
      }
      if (!"jsonl".equals(manifest.path("format").asText())) {
        return new Result(manifest.path("rows").asLong(), 0, 0, Optional.empty());
      }
      return rows(zip, data, manifest, links);
    }
  }

  /** The data file's rows and SHA-256 against the manifest. */
  private static Optional<String> whole(ZipFile zip, ZipEntry data, JsonNode manifest)
      throws IOException {
    MessageDigest sha256 = Hashes.newDigest();
    long lines = 0;
    try (InputStream in = new DigestInputStream(zip.getInputStream(data), sha256)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    long rows = data.getName().endsWith(".csv") ? lines - 1 : lines;
    String hex = HexFormat.of().formatHex(sha256.digest());
    if (rows != manifest.path("rows").asLong() || !hex.equals(manifest.path("sha256").asText())) {
      return Optional.of(
          String.format(
              "the data file does not match its manifest: %d rows, SHA-256 %s; manifest: %d rows,"
                  + " SHA-256 %s",
              rows, hex, manifest.path("rows").asLong(), manifest.path("sha256").asText()));
    }
    return Optional.empty();
  }

  /**
   * Follows each partition's blocks from the head before the first to the manifest's head, and
   * collects the entry hashes by partition and offset.
   */
  private static Optional<String> chain(
      ZipFile zip, JsonNode manifest, Map<Long, List<byte[]>> links) throws IOException {
    ZipEntry file = zip.getEntry(manifest.path("chainFile").asText("chain.jsonl"));
    if (file == null) {
      return Optional.of("the export has no chain excerpt");
    }
    Map<Integer, byte[]> heads = new HashMap<>();
    Map<Integer, Long> nextBlock = new HashMap<>();
    HexFormat hex = HexFormat.of();
    try (BufferedReader in = reader(zip.getInputStream(file))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode block = JSON.readTree(line);
        int partition = block.path("partition").asInt();
        long seq = block.path("block").asLong();
        String where = "partition " + partition + " block " + seq;
        if (block.has("previousHead")) {
          byte[] previous = hash(block.path("previousHead").asText());
          if (previous == null) {
            return Optional.of(where + ": its previous head is not a SHA-256 in hex");
          }
          heads.put(partition, previous);
        } else if (nextBlock.get(partition) == null || nextBlock.get(partition) != seq) {
          return Optional.of(where + ": the excerpt skips blocks before it");
        }
        JsonNode offsets = block.path("offsets");
        JsonNode hashes = block.path("entryHashes");
        if (offsets.size() != hashes.size() || !heads.containsKey(partition)) {
          return Optional.of(where + ": the block is malformed");
        }
        byte[] entries = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
          byte[] hash = hash(hashes.get(i).asText());
          if (hash == null) {
            return Optional.of(where + ": entry " + i + " is not a SHA-256 in hex");
          }
          System.arraycopy(hash, 0, entries, i * 32, 32);
          links
              .computeIfAbsent(key(partition, offsets.get(i).asLong()), k -> new ArrayList<>())
              .add(hash);
        }
        byte[] head = Hashes.head(heads.get(partition), entries);
        if (!Arrays.equals(head, hash(block.path("head").asText()))) {
          return Optional.of(
              where + ": its head does not follow from the previous one and its" + " entries");
        }
        heads.put(partition, head);
        nextBlock.put(partition, seq + 1);
      }
    }
    for (Map.Entry<Integer, byte[]> head : heads.entrySet()) {
      String stated = manifest.path("chainHeads").path(head.getKey().toString()).asText();
      if (!hex.formatHex(head.getValue()).equals(stated)) {
        return Optional.of(
            "partition " + head.getKey() + ": the excerpt does not end at the manifest's head");
      }
    }
    return Optional.empty();
  }

  /** 32 bytes from 64 hex digits, or null for anything else. */
  private static byte[] hash(String hex) {
    if (hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
      return null;
    }
    return HexFormat.of().parseHex(hex);
  }

  private static Result rows(
      ZipFile zip, ZipEntry data, JsonNode manifest, Map<Long, List<byte[]>> links)
      throws IOException {
    String kind = manifest.path("kind").asText();
    long rows = 0;
    long chained = 0;
    long beforeChain = 0;
    try (BufferedReader in = reader(zip.getInputStream(data))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows++;
        JsonNode row = JSON.readTree(line);
        int partition = row.path("kafkaPartition").asInt();
        long offset = row.path("kafkaOffset").asLong();
        String where =
            "row "
                + rows
                + " (partition "
                + partition
                + " offset "
                + offset
                + ", "
                + kind
                + " "
                + row.path("reportId").asText(row.path("id").asText())
                + ")";
        List<byte[]> found = links.get(key(partition, offset));
        if (found == null) {
          long from = manifest.path("chainFrom").path(Integer.toString(partition)).asLong(0);
          if (offset < from) {
            beforeChain++;
            continue;
          }
          return broken(rows, chained, beforeChain, where + ": it is not in the chain");
        }
        byte[] hash = Hashes.sha256(content(kind, row, partition, offset));
        if (found.stream().noneMatch(link -> Arrays.equals(link, hash))) {
          return broken(
              rows, chained, beforeChain, where + ": its content differs from what was chained");
        }
        chained++;
      }
    }
    return new Result(rows, chained, beforeChain, Optional.empty());
  }

  /** A row's canonical content, read back from the fields the export wrote. */
  static byte[] content(String kind, JsonNode row, int partition, long offset) {
    return switch (kind) {
      case "reports" ->
          LedgerEntries.report(
              text(row, "officeId"),
              uuid(row, "reportId"),
              text(row, "regionCode"),
              text(row, "program"),
              text(row, "taskType"),
              row.path("quantity").asLong(),
              row.path("beneficiaries").asLong(),
              instant(row, "completedAt"),
              row.hasNonNull("day") ? LocalDate.parse(row.path("day").asText()) : null,
              text(row, "note"),
              instant(row, "receivedAt"),
              text(row, "filedBy"),
              partition,
              offset);
      case "withdrawals" ->
          LedgerEntries.withdrawal(
              uuid(row, "reportId"),
              text(row, "officeId"),
              text(row, "reason"),
              row.hasNonNull("outcome")
                  ? row.path("outcome").asText().toUpperCase(Locale.ROOT)
                  : null,
              text(row, "detail"),
              instant(row, "receivedAt"),
              text(row, "filedBy"),
              row.path("byAdmin").asBoolean(),
              partition,
              offset);
      case "duplicates" ->
          LedgerEntries.duplicate(
              uuid(row, "reportId"),
              text(row, "officeId"),
              row.path("sameContent").asBoolean(),
              text(row, "event"),
              partition,
              offset);
      case "dead-letters" ->
          LedgerEntries.deadLetter(
              text(row, "topic"),
              text(row, "reason"),
              text(row, "detail"),
              uuid(row, "reportId"),
              base64(row, "recordKeyBase64"),
              base64(row, "payloadBase64"),
              partition,
              offset);
      default -> throw new IllegalArgumentException("no such export: " + kind);
    };
  }

  private static String text(JsonNode row, String field) {
    return row.hasNonNull(field) ? row.path(field).asText() : null;
  }

  private static UUID uuid(JsonNode row, String field) {
    return row.hasNonNull(field) ? UUID.fromString(row.path(field).asText()) : null;
  }

  private static Instant instant(JsonNode row, String field) {
    return row.hasNonNull(field) ? Instant.parse(row.path(field).asText()) : null;
  }

  /** PostgreSQL's base64 breaks lines every 76 characters; the MIME decoder skips them. */
  private static byte[] base64(JsonNode row, String field) {
    return row.hasNonNull(field) ? Base64.getMimeDecoder().decode(row.path(field).asText()) : null;
  }

  private static long key(int partition, long offset) {
    return ((long) partition << 48) ^ offset;
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static Result broken(long rows, long chained, long beforeChain, String where) {
    return new Result(rows, chained, beforeChain, Optional.of(where));
  }
}
