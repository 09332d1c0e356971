package cn.shishi.catalog;

/**
 * A program or a kind of task: a stable ASCII code that reports carry, its Chinese name, and an
 * English gist.
 */
public record CatalogEntry(String code, String name, String description) {
  /** Codes are lower-case ASCII words joined by hyphens, at most 64 characters. */
  public static final String CODE_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

  public static boolean isValidCode(String code) {
    return code != null && code.length() <= 64 && code.matches(CODE_PATTERN);
  }
}
