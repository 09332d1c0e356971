package cn.shishi.catalog;

/** The three GB/T 2260 levels an office can sit at, with the length of their short codes. */
public enum RegionLevel {
  PROVINCE(2),
  CITY(4),
  COUNTY(6);

  private final int codeLength;

  RegionLevel(int codeLength) {
    this.codeLength = codeLength;
  }

  /** Length of the level's short code: 2 for a province, 4 for a city, 6 for a county. */
  public int codeLength() {
    return codeLength;
  }

  /** The level of codes of {@code length}; a switch, as the aggregator asks it for every cell. */
  public static RegionLevel ofCodeLength(int length) {
    return switch (length) {
      case 2 -> PROVINCE;
      case 4 -> CITY;
      case 6 -> COUNTY;
      default ->
          throw new IllegalArgumentException("no region level has codes of length " + length);
    };
  }
}
