package cn.shishi.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The 2020 census population of the 31 mainland provinces (population/README.md): where reports
 * come from, in proportion, for realistic load.
 */
public final class ProvincePopulation {
  private final Map<String, Double> tenThousands;
  private final String[] codes;
  private final double[] cumulative;

  private ProvincePopulation(Map<String, Double> tenThousands) {
    this.tenThousands = Map.copyOf(tenThousands);
    this.codes = tenThousands.keySet().toArray(String[]::new);
    this.cumulative = new double[codes.length];
    double sum = 0;
    for (int i = 0; i < codes.length; i++) {
      sum += tenThousands.get(codes[i]);
      cumulative[i] = sum;
    }
  }

  public static ProvincePopulation load() {
    Map<String, Double> population = new LinkedHashMap<>();
    for (String[] row : Csv.rows("population/province-population-2020.csv")) {
      population.put(row[0], Double.parseDouble(row[2]));
    }
    return new ProvincePopulation(population);
  }

  /** The 31 province codes, in code order. */
  public List<String> provinces() {
    return List.of(codes);
  }

  /** The province's share of the 31 provinces' population, 0 to 1. */
  public double share(String province) {
    return tenThousands.getOrDefault(province, 0.0) / cumulative[cumulative.length - 1];
  }

  /** A province drawn in proportion to population. */
  public String draw(RandomGenerator random) {
    double at = random.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < codes.length; i++) {
      if (at < cumulative[i]) {
        return codes[i];
      }
    }
    return codes[codes.length - 1];
  }
}
