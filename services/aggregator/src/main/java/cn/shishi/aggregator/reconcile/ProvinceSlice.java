package cn.shishi.aggregator.reconcile;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A share of the provinces that one scheduled reconciliation checks: the two-digit codes whose
 * number leaves {@code index} when divided by {@code count}. The slices of one count cover every
 * possible code exactly once, whatever the catalogue holds; a count of 1 is everything.
 */
public record ProvinceSlice(int index, int count) {
  public static final ProvinceSlice ALL = new ProvinceSlice(0, 1);
  private static final int CODES = 100;

  public ProvinceSlice {
    if (count < 1 || count > CODES || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "a slice is 0 <= index < count <= " + CODES + ", not " + index + " of " + count);
    }
  }

  /** The slice of {@code count} that holds the province {@code provinceCode}. */
  public static ProvinceSlice holding(String provinceCode, int count) {
    return new ProvinceSlice(Integer.parseInt(provinceCode) % count, count);
  }

  public boolean isAll() {
    return count == 1;
  }

  /** Whether checking this slice checks all of {@code other}. */
  public boolean covers(ProvinceSlice other) {
    return isAll() || equals(other);
  }

  public boolean contains(String provinceCode) {
    return Integer.parseInt(provinceCode) % count == index;
  }

  /** Every two-digit code in the slice, "00" to "99". */
  public List<String> provinceCodes() {
    return IntStream.range(0, CODES)
        .filter(code -> code % count == index)
        .mapToObj(code -> String.format(Locale.ROOT, "%02d", code))
        .toList();
  }
}
