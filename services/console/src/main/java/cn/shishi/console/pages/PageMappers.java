package cn.shishi.console.pages;

import cn.shishi.console.downstream.ServiceUnavailableException;
import cn.shishi.console.session.AccountIncompleteException;
import cn.shishi.console.session.NotSignedInException;
import cn.shishi.console.session.Person;
import cn.shishi.console.session.ReadOnlyAccountException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What a page shows when it cannot be served: sign in first, or a service is away. */
public class PageMappers {
  private final Pages pages;
  private final Template unavailable;
  private final Template notice;

  public PageMappers(
      Pages pages,
      @Location("unavailable") Template unavailable,
      @Location("notice") Template notice) {
    this.pages = pages;
    this.unavailable = unavailable;
    this.notice = notice;
  }

  @ServerExceptionMapper
  public Response signIn(NotSignedInException e) {
    return Response.seeOther(URI.create("/sign-in")).build();
  }

  @ServerExceptionMapper
  public Response incomplete(AccountIncompleteException e) {
    return notice(
        pages.messages().account_incomplete_title(),
        pages.messages().account_incomplete_text(),
        null);
  }

  @ServerExceptionMapper
  public Response readOnly(ReadOnlyAccountException e) {
    return notice(
        pages.messages().read_only_title(), pages.messages().read_only_text(), e.person());
  }

  /** A page that says why this person is not served: 403, with sign-out when someone is in. */
  private Response notice(String title, String text, Person person) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.render(notice.data("title", title).data("text", text), person, null).render())
        .build();
  }

  @ServerExceptionMapper
  public Response unavailable(ServiceUnavailableException e) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.render(unavailable.instance(), null, null).render())
        .build();
  }
}
