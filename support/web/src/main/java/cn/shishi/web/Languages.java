package cn.shishi.web;

import cn.shishi.contract.Messages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The language of an answer, from the caller's {@code Accept-Language}: Simplified Chinese or
 * English, whichever the caller ranks first; English when it names neither, since a caller that
 * sends no preference is a program, and its developers read the API's documentation in English.
 */
public final class Languages {
  private Languages() {}

  /** The language of the answer to a request with these headers (none: English). */
  public static Locale of(HttpHeaders headers) {
    return headers == null
        ? Messages.ENGLISH
        : of(headers::getAcceptableLanguages, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** The same for a request not yet matched to a resource (a filter's). */
  public static Locale of(ContainerRequestContext request) {
    return of(
        request::getAcceptableLanguages, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  private static Locale of(Supplier<List<Locale>> parsed, String header) {
    try {
      return preferred(parsed.get());
    } catch (RuntimeException malformed) {
      // A weight that is no number ("en;q=x") makes the JAX-RS parser throw, in every error
      // answer that asks for the language: read the ranges in the caller's order instead.
      return preferred(inOrder(header));
    }
  }

  /** The language ranges of an {@code Accept-Language} header as written, weights ignored. */
  static List<Locale> inOrder(String header) {
    if (header == null) {
      return List.of();
    }
    return Arrays.stream(header.split(","))
        .map(range -> range.split(";", 2)[0].strip())
        .filter(tag -> !tag.isEmpty())
        .map(Locale::forLanguageTag)
        .toList();
  }

  /** The first of {@code acceptable} (already in the caller's order) that the texts exist in. */
  public static Locale preferred(List<Locale> acceptable) {
    for (Locale locale : acceptable) {
      if ("zh".equals(locale.getLanguage())) {
        return Messages.CHINESE;
      }
      if ("en".equals(locale.getLanguage())) {
        return Messages.ENGLISH;
      }
    }
    return Messages.ENGLISH;
  }
}
