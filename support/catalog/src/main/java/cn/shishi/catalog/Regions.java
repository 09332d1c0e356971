package cn.shishi.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The GB/T 2260 catalogue: every province, city and county, by code. Immutable. */
public final class Regions {
  private static final String OWN_LEVEL = "（本级）";

  private final Map<String, Region> byCode;
  // Each region's children by code ("" for the provinces), sorted: a walk down the tree (the
  // console's region lists) asks for every node's children, and must not scan every region each
  // time.
  private final Map<String, List<Region>> childrenOf;

  private Regions(Map<String, Region> byCode) {
    this.byCode = byCode;
    Map<String, List<Region>> children = new java.util.HashMap<>();
    for (Region region : byCode.values()) {
      String parent = region.level() == RegionLevel.PROVINCE ? "" : region.parentCode();
      children.computeIfAbsent(parent, p -> new ArrayList<>()).add(region);
    }
    children.values().forEach(list -> list.sort(Comparator.comparing(Region::code)));
    children.replaceAll((parent, list) -> List.copyOf(list));
    this.childrenOf = Map.copyOf(children);
  }

  /** The catalogue shipped with Shishi (see the README beside the CSV files). */
  public static Regions load() {
    Map<String, Region> regions = new LinkedHashMap<>();
    read("provinces.csv", row -> new Region(row[0], row[1], RegionLevel.PROVINCE, null), regions);
    read("cities.csv", row -> new Region(row[0], row[1], RegionLevel.CITY, row[2]), regions);
    read("areas.csv", row -> new Region(row[0], row[1], RegionLevel.COUNTY, row[2]), regions);
    return new Regions(Map.copyOf(regions));
  }

  private static void read(
      String file, Function<String[], Region> parser, Map<String, Region> into) {
    for (String[] row : Csv.rows("regions/" + file)) {
      Region region = parser.apply(row);
      into.put(region.code(), region);
    }
  }

  /**
   * The region a 6-digit reporting code names: a county ({@code 330281}), a city ({@code 330400})
   * or a province ({@code 330000}); empty when no such region exists.
   */
  public Optional<Region> resolve(String regionCode) {
    if (!isSixDigits(regionCode)) {
      return Optional.empty();
    }
    if (regionCode.endsWith("0000")) {
      return find(regionCode.substring(0, 2));
    }
    if (regionCode.endsWith("00")) {
      return find(regionCode.substring(0, 4));
    }
    return find(regionCode);
  }

  /** The region with this short code (2, 4 or 6 digits). */
  public Optional<Region> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /**
   * The display name of a rollup cell's code, including the own-level cells of {@link RegionPath}:
   * {@code 3300} is "浙江省（本级）", {@code 330400} is "嘉兴市（本级）".
   */
  public String nameOf(String code) {
    Optional<Region> region = find(code);
    if (region.isPresent()) {
      return region.get().name();
    }
    if (code.length() == 4 && code.endsWith("00")) {
      return find(code.substring(0, 2)).map(p -> p.name() + OWN_LEVEL).orElse(code);
    }
    if (code.length() == 6 && code.endsWith("0000")) {
      return find(code.substring(0, 2)).map(p -> p.name() + OWN_LEVEL).orElse(code);
    }
    if (code.length() == 6 && code.endsWith("00")) {
      return find(code.substring(0, 4)).map(c -> c.name() + OWN_LEVEL).orElse(code);
    }
    return code;
  }

  /**
   * The children of a region, by code: the provinces for an empty parent, a province's cities, a
   * city's counties; sorted by code.
   */
  public List<Region> children(String parentCode) {
    return childrenOf.getOrDefault(parentCode == null ? "" : parentCode, List.of());
  }

  /**
   * The scope a region claim of a token names, as a short code: {@code 330000} is {@code 33},
   * {@code 330400} is {@code 3304}, {@code 330402}, {@code 33} and {@code 00} (the nation) stay as
   * they are; null when the claim is no region code.
   */
  public static String scopeOfClaim(String claim) {
    if (claim == null || !claim.matches("\\d{2}|\\d{4}|\\d{6}")) {
      return null;
    }
    if (claim.length() == 6 && claim.endsWith("0000")) {
      return claim.substring(0, 2);
    }
    if (claim.length() == 6 && claim.endsWith("00")) {
      return claim.substring(0, 4);
    }
    return claim;
  }

  /** Whether {@code code} (any level) lies inside {@code scope} (a 2-, 4- or 6-digit prefix). */
  public static boolean within(String code, String scope) {
    return "00".equals(scope) || code.startsWith(scope);
  }

  /** Whether {@code code} is six ASCII digits: the form of every reporting code. */
  public static boolean isSixDigits(String code) {
    // By hand: the aggregator asks this several times for every report it applies.
    if (code == null || code.length() != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  public int size() {
    return byCode.size();
  }
}
