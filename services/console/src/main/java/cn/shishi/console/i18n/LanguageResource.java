package cn.shishi.console.i18n;

import cn.shishi.console.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The language switch: remembers the choice for a year and goes back to the page it was on. */
@Path("/language")
public class LanguageResource {
  private final ConsoleConfig config;

  public LanguageResource(ConsoleConfig config) {
    this.config = config;
  }

  @GET
  @Path("/{tag}")
  public Response choose(@RestPath String tag, @RestQuery String back) {
    String value = "en".equals(tag) ? "en" : "zh-CN";
    // Only a path of this console: a link elsewhere must not turn the switch into a redirector.
    return Response.seeOther(localPath(back))
        .cookie(
            new NewCookie.Builder(Language.COOKIE)
                .value(value)
                .path("/")
                .maxAge(365 * 24 * 3600)
                .secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.LAX)
                .build())
        .build();
  }

  /** {@code back} if it is a path of this console, else its first page. */
  static URI localPath(String back) {
    if (back == null || !back.matches("/(?![/\\\\])[\\x21-\\x7e]*")) {
      return URI.create("/");
    }
    try {
      URI uri = new URI(back);
      return uri.getScheme() == null && uri.getAuthority() == null ? uri : URI.create("/");
    } catch (java.net.URISyntaxException e) {
      return URI.create("/");
    }
  }
}
