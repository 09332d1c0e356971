package cn.shishi.contract;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts that the APIs answer with, in English and Simplified Chinese: the resource bundle
 * {@code cn/shishi/contract/messages*.properties}, formatted with {@link MessageFormat}. A key
 * keeps its meaning across languages, so a problem's text can be chosen at the last moment, when
 * the caller's language is known.
 */
public final class Messages {
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private static final String BUNDLE = "cn.shishi.contract.messages";

  // The JVM's own locale must not decide: without this, a server running in zh_CN would answer
  // Chinese to a caller who asked for English.
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  /** The text of {@code key} in {@code locale} (English where it has none), arguments filled in. */
  public static String text(Locale locale, String key, List<?> args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    return new MessageFormat(bundle.getString(key), locale).format(args.toArray());
  }

  public static String text(Locale locale, String key, Object... args) {
    return text(locale, key, java.util.Arrays.asList(args));
  }

  /** Whether {@code key} has a text. */
  public static boolean has(String key) {
    return ResourceBundle.getBundle(BUNDLE, ENGLISH, NO_FALLBACK).containsKey(key);
  }
}
