package cn.shishi.aggregator.apply;

import cn.shishi.catalog.RegionLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch's rollup changes, kept apart by the partition each record came from, and the shards (V15,
 * ADR 0012) they are written to. A batch holds every one of its partitions' offset rows locked, so
 * it may write the shard of any of them (the partitions here are those of records it counted or
 * withdrew), and the shard of its writer slot; which one decides how many rows a cell ends up with:
 *
 * <ul>
 *   <li>a county's or a city's change goes to its record's partition: a city's reports travel on
 *       its own partition (and its province office's), so each of its cells has one or two rows,
 *       however polls happen to be split into batches. With the batch's smallest partition as the
 *       shard, a county's cell had rows in 2.3 shards on average and a city's in 3.9 (B2,
 *       2026-12-03), each a row inserted with four index entries instead of an update in place;
 *   <li>a province's change is summed over the batch into the shard of the batch's writer slot
 *       ({@link RollupWriter}), which no transaction writing at the same time holds: a province's
 *       reports travel on many partitions, and a row for each in every batch would multiply the
 *       province cells' upserts. Until 2026-12-04 it was the smallest partition that changed
 *       anything, so a province's cell had a row for nearly every partition (9.7 after a drain on
 *       12; all 48 would come with 48 partitions), and every question about provinces read them
 *       all; slots number the writers at work at once, two per aggregator instance.
 * </ul>
 */
public final class PartitionDeltas {
  /** A cell's change in one shard. */
  record ShardRow(RollupKey cell, Totals change, int shard) {}

  // Key order: the upserts then visit the index and the heap in order, which costs PostgreSQL much
  // less than a random order (B2, 2026-12-02); and whoever writes takes row locks in one order.
  private static final Comparator<ShardRow> ROW_ORDER =
      (a, b) -> {
        int order = a.cell().compareTo(b.cell());
        return order != 0 ? order : Integer.compare(a.shard(), b.shard());
      };

  private final TreeMap<Integer, RollupDelta> byPartition = new TreeMap<>();

  /** The delta of the records of {@code partition}. */
  RollupDelta of(int partition) {
    return byPartition.computeIfAbsent(partition, p -> new RollupDelta());
  }

  /**
   * The changed day cells as the rows of the shards they go to, in key order; the provinces' in
   * {@code slot}'s. The month cells and province totals are summed from these rows, shard by shard,
   * by the statement that writes them ({@link RollupWriter}).
   */
  List<ShardRow> rows(int slot) {
    List<ShardRow> rows = new ArrayList<>();
    Map<RollupKey, Totals> provinces = new LinkedHashMap<>();
    byPartition.forEach(
        (partition, delta) ->
            delta
                .changes()
                .forEach(
                    (cell, change) -> {
                      if (cell.level() == RegionLevel.PROVINCE) {
                        provinces.merge(cell, change, Totals::plus);
                      } else {
                        rows.add(new ShardRow(cell, change, partition));
                      }
                    }));
    provinces.forEach(
        (cell, change) -> {
          if (!change.isZero()) {
            rows.add(new ShardRow(cell, change, slot));
          }
        });
    rows.sort(ROW_ORDER);
    return rows;
  }

  /**
   * Every cell whose totals change, whichever partitions changed it; a cell whose changes cancel
   * out over the batch's partitions is left out, though each partition's shard row is written.
   */
  List<RollupKey> changedCells() {
    Map<RollupKey, Totals> net = new LinkedHashMap<>();
    byPartition
        .values()
        .forEach(
            delta ->
                delta.changes().forEach((cell, change) -> net.merge(cell, change, Totals::plus)));
    net.values().removeIf(Totals::isZero);
    return List.copyOf(net.keySet());
  }
}
