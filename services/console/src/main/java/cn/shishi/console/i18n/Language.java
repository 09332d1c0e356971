package cn.shishi.console.i18n;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;

/**
 * The language of the console's pages: Simplified Chinese unless the person chose English with the
 * switch on every page, which a cookie remembers.
 */
public final class Language {
  public static final String COOKIE = "shishi_lang";
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;

  private Language() {}

  public static Locale of(HttpServerRequest request) {
    Cookie cookie = request.getCookie(COOKIE);
    return cookie != null && "en".equals(cookie.getValue()) ? ENGLISH : CHINESE;
  }

  /**
   * The language's tag: a page's {@code lang} attribute, and the {@code Accept-Language} the
   * console sends the services so that their problems come back in the person's language.
   */
  public static String tag(Locale locale) {
    return ENGLISH.equals(locale) ? "en" : "zh-CN";
  }
}
