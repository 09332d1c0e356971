package cn.shishi.bench;

import java.time.Duration;

/** How numbers, durations and rates are written on the command line. */
final class OptionValues {
  private OptionValues() {}

  /** Digits may be grouped, {@code 1_000_000} or {@code 1,000,000}: counts are large. */
  static long wholeNumber(String value) {
    return Long.parseLong(value.replace("_", "").replace(",", ""));
  }

  static int smallWholeNumber(String value) {
    return Math.toIntExact(wholeNumber(value));
  }

  /** {@code 30s}, {@code 5m}, {@code 1h} or a plain number of seconds. */
  static Duration duration(String value) {
    char unit = value.charAt(value.length() - 1);
    if (Character.isDigit(unit)) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return switch (unit) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException("bad duration " + value);
    };
  }

  /** Reports per second, or {@code max} (0): as fast as the concurrent requests go. */
  static double rate(String value) {
    return value.equals("max") ? 0 : Double.parseDouble(value);
  }
}
