package cn.shishi.aggregator.query;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The quantity of a set of cells, kept apart per unit (户, 件, 场 …): quantities of different units
 * are never added (ADR 0009). A kind of task without a known unit counts as a unit of its own,
 * named by its code, so that it is never added to another either.
 */
public record Quantities(SortedMap<String, Long> byUnit) {
  public static final Quantities NONE = new Quantities(new TreeMap<>());

  public Quantities {
    byUnit = Collections.unmodifiableSortedMap(new TreeMap<>(byUnit));
  }

  public static Quantities of(Map<String, Long> byUnit) {
    return new Quantities(new TreeMap<>(byUnit));
  }

  /** The unit, when every quantity here is in the same one. */
  public Optional<String> singleUnit() {
    return byUnit.size() == 1 ? Optional.of(byUnit.firstKey()) : Optional.empty();
  }

  /** The quantity, when every quantity here is in the same unit; none otherwise. */
  public Optional<Long> single() {
    return singleUnit().map(byUnit::get);
  }
}
