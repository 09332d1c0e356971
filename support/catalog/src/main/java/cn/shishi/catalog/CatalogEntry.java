package cn.shishi.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * A program or a kind of task: a stable ASCII code that reports carry, its Chinese name, an English
 * gist, and for a kind of task the unit its quantity counts in (户, 件, 场 …; none for a program).
 * Quantities of different units are never added up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(String code, String name, String description, String unit) {
  /** Codes are lower-case ASCII words joined by hyphens, at most 64 characters. */
  public static final String CODE_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

  // Compiled once: the aggregator checks two codes per record it reads.
  private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

  public static boolean isValidCode(String code) {
    return code != null && code.length() <= 64 && CODE.matcher(code).matches();
  }
}
