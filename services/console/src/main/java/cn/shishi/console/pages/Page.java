package cn.shishi.console.pages;

import cn.shishi.console.session.Person;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the frame of every page shows: its language, the switch to the other one, the page to come
 * back to ({@code here}: this page, or its section's first page when this one answered a form), who
 * is signed in, and which section the page belongs to.
 */
public record Page(String lang, String otherLanguage, String here, Person person, String section) {

  /** {@code here}, for a query string. */
  public String backQuery() {
    return URLEncoder.encode(here, StandardCharsets.UTF_8);
  }
}
