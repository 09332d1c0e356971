package cn.shishi.contract.partition;

import cn.shishi.catalog.ProvincePopulation;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an assignment is planned (docs/adr/0012): every key's expected share of the reports, placed
 * largest first on the partition with the least so far. A province's share of the 2020 census is
 * split evenly over its cities and its province-level office. Deterministic: the same catalogue and
 * census give the same plan, which {@link PartitionAssignment}'s file must equal.
 */
public final class PartitionPlanner {
  private PartitionPlanner() {}

  /** Each key's expected share of all reports (they add up to 1). */
  public static Map<String, Double> weights(Regions regions, ProvincePopulation population) {
    Map<String, Double> weights = new TreeMap<>();
    for (String province : population.provinces()) {
      List<Region> cities = regions.children(province);
      double each = population.share(province) / (cities.size() + 1);
      weights.put(province, each);
      cities.forEach(city -> weights.put(city.code(), each));
    }
    return weights;
  }

  /** The keys of {@code weights} on {@code partitions} partitions, largest first. */
  public static Map<String, Integer> plan(Map<String, Double> weights, int partitions) {
    List<Map.Entry<String, Double>> largestFirst = new ArrayList<>(weights.entrySet());
    largestFirst.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    double[] load = new double[partitions];
    Map<String, Integer> placed = new LinkedHashMap<>();
    for (Map.Entry<String, Double> key : largestFirst) {
      int least = 0;
      for (int p = 1; p < partitions; p++) {
        if (load[p] < load[least]) {
          least = p;
        }
      }
      load[least] += key.getValue();
      placed.put(key.getKey(), least);
    }
    return placed;
  }

  /** The largest partition's share against the mean, for {@code placement} of {@code weights}. */
  public static double imbalance(
      Map<String, Double> weights, Map<String, Integer> placement, int partitions) {
    double[] load = new double[partitions];
    weights.forEach((key, weight) -> load[placement.get(key)] += weight);
    double max = 0;
    double total = 0;
    for (double share : load) {
      max = Math.max(max, share);
      total += share;
    }
    return max / (total / partitions);
  }
}
