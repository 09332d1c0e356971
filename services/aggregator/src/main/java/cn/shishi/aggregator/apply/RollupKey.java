package cn.shishi.aggregator.apply;

import cn.shishi.catalog.RegionLevel;
import java.time.LocalDate;

/** A rollup cell: a region at one level (2, 4 or 6 digits), a day, a program, a kind of task. */
public record RollupKey(String regionCode, LocalDate day, String program, String taskType) {

  public RegionLevel level() {
    return RegionLevel.ofCodeLength(regionCode.length());
  }

  public String provinceCode() {
    return regionCode.substring(0, 2);
  }

  /** The city a city or county cell lies in; null for a province cell. */
  public String cityCode() {
    return regionCode.length() >= 4 ? regionCode.substring(0, 4) : null;
  }
}
