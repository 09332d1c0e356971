package cn.shishi.console.signin;

import cn.shishi.catalog.Regions;
import cn.shishi.console.ConsoleConfig;
import cn.shishi.console.pages.Pages;
import cn.shishi.console.session.DevSignIn;
import cn.shishi.console.session.Sessions;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing in and out. In production the identity provider's sign-in (OpenID Connect) takes the
 * place of this page, which then only leads to the console; in the development profiles it is the
 * development sign-in, where one picks a role, a region and an office.
 */
@Path("/")
public class SignInResource {
  private static final Set<String> ROLES = Set.of("office", "manager");

  private final DevSignIn devSignIn;
  private final Sessions sessions;
  private final Pages pages;
  private final Template signin;
  private final ConsoleConfig config;

  public SignInResource(
      DevSignIn devSignIn,
      Sessions sessions,
      Pages pages,
      @Location("signin") Template signin,
      ConsoleConfig config) {
    this.devSignIn = devSignIn;
    this.sessions = sessions;
    this.pages = pages;
    this.signin = signin;
    this.config = config;
  }

  @GET
  public Response home() {
    return redirect(sessions.current().isPresent() ? "/reports" : "/sign-in");
  }

  @GET
  @Path("/sign-in")
  public Object signInPage() {
    if (!devSignIn.enabled()) {
      return redirect("/reports");
    }
    return pages.render(
        signin.data("error", null).data("subject", null).data("office", null).data("region", null),
        null,
        null);
  }

  @POST
  @Path("/sign-in")
  public Object signIn(
      @RestForm String subject,
      @RestForm String office,
      @RestForm String region,
      @RestForm String role) {
    if (!devSignIn.enabled()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    if (!valid(subject, "[\\p{L}\\p{N}._@-]{1,64}")
        || !valid(office, "[A-Za-z0-9._:-]{1,128}")
        || Regions.scopeOfClaim(region) == null
        || !ROLES.contains(role)) {
      TemplateInstance page =
          signin
              .data("error", pages.messages().signin_invalid())
              .data("subject", subject)
              .data("office", office)
              .data("region", region);
      return Response.status(422).entity(pages.render(page, null, null)).build();
    }
    String token = devSignIn.mint(subject, office, region, role);
    return Response.seeOther(URI.create("/reports"))
        .cookie(cookie(Sessions.DEV_COOKIE, token, (int) config.devSignIn().validFor().toSeconds()))
        .build();
  }

  @POST
  @Path("/sign-out")
  public Response signOut() {
    return Response.seeOther(URI.create(devSignIn.enabled() ? "/sign-in" : "/"))
        .cookie(cookie(Sessions.DEV_COOKIE, "", 0))
        .build();
  }

  private NewCookie cookie(String name, String value, int maxAge) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(config.secureCookies())
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  private static boolean valid(String value, String pattern) {
    return value != null && value.matches(pattern);
  }

  private static Response redirect(String path) {
    return Response.seeOther(URI.create(path)).build();
  }
}
