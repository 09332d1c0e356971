package cn.shishi.catalog;

import java.util.regex.Pattern;

/**
 * A program or a kind of task: a stable ASCII code that reports carry, its Chinese name, and an
 * English gist.
 */
public record CatalogEntry(String code, String name, String description) {
  /** Codes are lower-case ASCII words joined by hyphens, at most 64 characters. */
  public static final String CODE_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

  // Compiled once: the aggregator checks two codes per record it reads.
  private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

  public static boolean isValidCode(String code) {
    return code != null && code.length() <= 64 && CODE.matcher(code).matches();
  }
}
