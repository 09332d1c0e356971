package cn.shishi.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options; a flag without a value (next is another flag) means "true". */
final class Flags {
  private final Map<String, String> values = new LinkedHashMap<>();

  Flags(String[] args, Set<String> known) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      String name = arg.substring(2);
      String value = "true";
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
      }
      values.put(name, value);
    }
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  long longValue(String name, long fallback) {
    String value = values.get(name);
    return value == null ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
  }

  double doubleValue(String name, double fallback) {
    String value = values.get(name);
    return value == null ? fallback : Double.parseDouble(value);
  }

  /** {@code 30s}, {@code 5m}, {@code 1h} or a plain number of seconds. */
  Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    return parseDuration(value);
  }

  static Duration parseDuration(String value) {
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
}
