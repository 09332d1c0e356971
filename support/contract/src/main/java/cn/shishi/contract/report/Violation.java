package cn.shishi.contract.report;

import cn.shishi.contract.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One thing wrong with a request, located by a JSON pointer (RFC 6901) into its body. Its text is a
 * key of {@link Messages} with arguments, rendered in the caller's language when answered.
 */
public record Violation(String pointer, String key, List<Object> args) {
  public Violation {
    args = List.copyOf(args);
  }

  public Violation(String pointer, String key, Object... args) {
    this(pointer, key, Arrays.asList(args));
  }

  public String detail(Locale locale) {
    return Messages.text(locale, key, args);
  }

  /** In English: for logs and dead letters, which operators read. */
  public String detail() {
    return detail(Messages.ENGLISH);
  }
}
