package cn.shishi.aggregator.reconcile;

import java.time.Instant;
import java.util.ArrayList;
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

  /** Takes in what a check of {@code checked} found; the slices it was the newest check of. */
  synchronized List<SliceCheck> record(
      ProvinceSlice checked, Instant startedAt, List<CellDrift> found) {
    List<SliceCheck> newest = new ArrayList<>();
    for (int index = 0; index < slices; index++) {
      ProvinceSlice slice = new ProvinceSlice(index, slices);
      if (checked.covers(slice)) {
        int inSlice =
            (int)
                found.stream()
                    .filter(cell -> slice.contains(cell.cell().regionCode().substring(0, 2)))
                    .count();
        SliceCheck check = new SliceCheck(slice, startedAt, inSlice);
        if (take(check)) {
          newest.add(check);
        }
      }
    }
    return newest;
  }

  /** Takes in checks kept from before a restart, where no newer check is known. */
  synchronized void restore(List<SliceCheck> kept) {
    kept.stream().filter(check -> check.slice().count() == slices).forEach(this::take);
  }

  private boolean take(SliceCheck check) {
    int index = check.slice().index();
    if (check.startedAt().isBefore(checkedAt[index])) {
      return false;
    }
    checkedAt[index] = check.startedAt();
    cells[index] = check.driftCells();
    return true;
  }

  /** When each slice's newest known check started, {@link Instant#MIN} for never. */
  synchronized List<Instant> checkedAt() {
    return List.of(checkedAt.clone());
  }

  /** When the newest known check of any slice started, {@link Instant#MIN} for never. */
  synchronized Instant newest() {
    Instant newest = Instant.MIN;
    for (Instant started : checkedAt) {
      newest = started.isAfter(newest) ? started : newest;
    }
    return newest;
  }

  synchronized int total() {
    return IntStream.of(cells).sum();
  }
}
