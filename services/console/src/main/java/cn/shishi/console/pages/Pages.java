package cn.shishi.console.pages;

import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.i18n.Language;
import cn.shishi.console.session.Person;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/** Renders a page in the person's language, inside the common frame. */
@RequestScoped
public class Pages {
  private final HttpServerRequest request;
  private final Locale locale;
  private final ConsoleMessages messages;

  public Pages(
      HttpServerRequest request,
      ConsoleMessages chinese,
      @Localized("en") ConsoleMessages english) {
    this.request = request;
    this.locale = Language.of(request);
    this.messages = Language.ENGLISH.equals(locale) ? english : chinese;
  }

  public Locale locale() {
    return locale;
  }

  /** The console's texts in the person's language, for what code puts on a page. */
  public ConsoleMessages messages() {
    return messages;
  }

  public TemplateInstance render(TemplateInstance template, Person person, String section) {
    return template
        .data(
            "page",
            new Page(
                Language.tag(locale),
                Language.ENGLISH.equals(locale) ? "zh-CN" : "en",
                here(section),
                person,
                section))
        .setLocale(locale);
  }

  /** This page if it can be fetched again; after a form was posted, its section's first page. */
  private String here(String section) {
    if (HttpMethod.GET.equals(request.method())) {
      return request.uri();
    }
    return switch (section == null ? "" : section) {
      case "file" -> "/file";
      case "upload" -> "/uploads/new";
      case "mine" -> "/reports";
      default -> "/";
    };
  }
}
