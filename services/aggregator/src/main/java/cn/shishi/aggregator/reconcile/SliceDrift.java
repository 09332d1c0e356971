package cn.shishi.aggregator.reconcile;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The drift gauge's memory: for each scheduled slice of the provinces, how many cells disagreed at
 * the newest check that covered it. "Newest" is by the time a check started, because a long audit
 * of everything may finish after a slice's scheduled check that started later.
 */
final class SliceDrift {
  private final int slices;
  private final int[] cells;
  private final Instant[] checkedAt;

  SliceDrift(int slices) {
    this.slices = slices;
    this.cells = new int[slices];
    this.checkedAt = new Instant[slices];
    Arrays.fill(checkedAt, Instant.MIN);
  }

  synchronized void record(ProvinceSlice checked, Instant startedAt, List<CellDrift> found) {
    for (int index = 0; index < slices; index++) {
      ProvinceSlice slice = new ProvinceSlice(index, slices);
      if (checked.covers(slice) && !startedAt.isBefore(checkedAt[index])) {
        checkedAt[index] = startedAt;
        cells[index] =
            (int)
                found.stream()
                    .filter(cell -> slice.contains(cell.cell().regionCode().substring(0, 2)))
                    .count();
      }
    }
  }

  synchronized int total() {
    return IntStream.of(cells).sum();
  }
}
