package cn.shishi.contract.partition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which partition of {@code task-reports} each key goes to (docs/adr/0012), for each partition
 * count the file plans: {@code partition-assignment.csv}, one row per key (the cities of GB/T 2260
 * and the provinces), one column per partition count. A key the file does not hold goes where its
 * province goes. The file is versioned: a placement, once deployed, changes only by a new version
 * and the migration of docs/operations.md.
 */
public final class PartitionAssignment {
  static final String FILE = "partition-assignment.csv";
  private static final PartitionAssignment INSTANCE = read();

  private final int version;
  private final Map<Integer, Map<String, Integer>> byCount;

  PartitionAssignment(int version, Map<Integer, Map<String, Integer>> byCount) {
    this.version = version;
    this.byCount = byCount;
  }

  /** The assignment the producers use. */
  public static PartitionAssignment current() {
    return INSTANCE;
  }

  public int version() {
    return version;
  }

  /** The partition counts the file plans. */
  public Set<Integer> partitionCounts() {
    return byCount.keySet();
  }

  /** Every key's partition on a topic of {@code partitions}; empty when the file has no plan. */
  public Map<String, Integer> placement(int partitions) {
    return byCount.getOrDefault(partitions, Map.of());
  }

  /**
   * {@code key}'s partition on a topic of {@code partitions}, or empty when the file plans no such
   * topic or knows neither the key nor its province.
   */
  public OptionalInt partition(String key, int partitions) {
    Map<String, Integer> placement = byCount.get(partitions);
    if (placement == null || key == null) {
      return OptionalInt.empty();
    }
    Integer partition = placement.get(key);
    if (partition == null && key.length() > 4) {
      partition = placement.get(key.substring(0, 4));
    }
    if (partition == null && key.length() > 2) {
      partition = placement.get(key.substring(0, 2));
    }
    return partition == null ? OptionalInt.empty() : OptionalInt.of(partition);
  }

  private static PartitionAssignment read() {
    try (InputStream in = PartitionAssignment.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing from the class path");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file: {@code # version=N} first, comments, then {@code key,<count>,<count>…} rows. */
  static PartitionAssignment parse(BufferedReader lines) throws IOException {
    int version = 0;
    List<Integer> counts = null;
    Map<Integer, Map<String, Integer>> byCount = new LinkedHashMap<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("# version=")) {
        version = Integer.parseInt(line.substring("# version=".length()).strip());
      } else if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else if (counts == null) {
        counts = new ArrayList<>();
        String[] header = line.split(",");
        for (int i = 1; i < header.length; i++) {
          counts.add(Integer.parseInt(header[i].strip()));
          byCount.put(counts.get(i - 1), new HashMap<>());
        }
      } else {
        String[] row = line.split(",");
        for (int i = 1; i < row.length; i++) {
          byCount.get(counts.get(i - 1)).put(row[0].strip(), Integer.parseInt(row[i].strip()));
        }
      }
    }
    if (version == 0 || counts == null) {
      throw new IllegalStateException(FILE + " has no version or no header");
    }
    byCount.replaceAll((count, placement) -> Map.copyOf(placement));
    return new PartitionAssignment(version, Map.copyOf(byCount));
  }
}
