package cn.shishi.aggregator.apply;

import cn.shishi.catalog.RegionLevel;
import cn.shishi.catalog.RegionPath;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change a batch of reports makes to the rollups, pre-aggregated: N reports become one delta
 * per touched cell, applied with a few upserts instead of N. A report counts in its county, its
 * city and its province cell ({@link RegionPath}); a withdrawal takes it out of all three.
 */
public final class RollupDelta {
  private final Map<RollupKey, Totals> cells = new LinkedHashMap<>();
  // The non-zero changes, worked out once: they are read twice a batch, for the cells' rows and the
  // batch's outcome (B2 in docs/benchmarks.md).
  private Map<RollupKey, Totals> changed;

  public void add(Contribution contribution) {
    apply(contribution, contribution.totals());
  }

  public void subtract(Contribution contribution) {
    apply(contribution, contribution.totals().negate());
  }

  private void apply(Contribution contribution, Totals change) {
    RegionPath path = RegionPath.of(contribution.regionCode());
    for (RegionLevel level : RegionLevel.values()) {
      RollupKey key =
          new RollupKey(
              path.at(level), contribution.day(), contribution.program(), contribution.taskType());
      cells.merge(key, change, Totals::plus);
    }
    changed = null;
  }

  /** The cells whose totals change; cells whose changes cancelled out are left out. */
  public Map<RollupKey, Totals> changes() {
    if (changed == null) {
      Map<RollupKey, Totals> nonZero = new LinkedHashMap<>();
      cells.forEach(
          (key, totals) -> {
            if (!totals.isZero()) {
              nonZero.put(key, totals);
            }
          });
      changed = Collections.unmodifiableMap(nonZero);
    }
    return changed;
  }

  public boolean isEmpty() {
    return changes().isEmpty();
  }
}
