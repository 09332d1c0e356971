package cn.shishi.catalog;

/**
 * The three rollup cells a report counts in: its province, its city and its county. A report filed
 * by a city or province office counts at county (or city) level in the office's own "本级"
 * (own-level) cell, {@code 330400} or {@code 3300}, so that at every level the totals of the
 * children add up to the parent's.
 */
public record RegionPath(String province, String city, String county) {

  /** The path of a 6-digit reporting code; the code must be well-formed. */
  public static RegionPath of(String regionCode) {
    if (!Regions.isSixDigits(regionCode)) {
      throw new IllegalArgumentException("a region code has 6 digits: " + regionCode);
    }
    return new RegionPath(regionCode.substring(0, 2), regionCode.substring(0, 4), regionCode);
  }

  /** The cell's code at {@code level}. */
  public String at(RegionLevel level) {
    return switch (level) {
      case PROVINCE -> province;
      case CITY -> city;
      case COUNTY -> county;
    };
  }
}
