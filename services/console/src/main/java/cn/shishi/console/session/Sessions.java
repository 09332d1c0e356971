package cn.shishi.console.session;

import cn.shishi.catalog.Regions;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person of the request: from the OpenID Connect session in production, or from the development
 * sign-in's cookie in the development profiles.
 */
@RequestScoped
public class Sessions {
  public static final String DEV_COOKIE = "shishi_dev_session";

  private final SecurityIdentity identity;
  private final DevSignIn devSignIn;
  private final HttpServerRequest request;

  public Sessions(SecurityIdentity identity, DevSignIn devSignIn, HttpServerRequest request) {
    this.identity = identity;
    this.devSignIn = devSignIn;
    this.request = request;
  }

  public Optional<Person> current() {
    if (!identity.isAnonymous()) {
      AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
      if (access != null && identity.getPrincipal() instanceof JsonWebToken id) {
        String region = Regions.scopeOfClaim(claim(id, "region").orElse(null));
        if (region == null) {
          throw new AccountIncompleteException();
        }
        // Without an office claim the subject is the office, as the services read it too.
        return Optional.of(
            new Person(
                id.getSubject(),
                claim(id, "office").orElse(id.getSubject()),
                region,
                Set.copyOf(identity.getRoles()),
                access.getToken()));
      }
    }
    Cookie cookie = request.getCookie(DEV_COOKIE);
    return cookie == null ? Optional.empty() : devSignIn.person(cookie.getValue());
  }

  /** The signed-in person; a page that needs one sends anyone else to sign in. */
  public Person required() {
    return current().orElseThrow(NotSignedInException::new);
  }

  /**
   * The signed-in person, who files for their office: every page past the sign-in reads or files
   * the office's reports, which the services give only to offices (a manager reads totals).
   */
  public Person filer() {
    Person person = required();
    if (!person.canFile()) {
      throw new ReadOnlyAccountException(person);
    }
    return person;
  }

  private static Optional<String> claim(JsonWebToken token, String name) {
    Object value = token.getClaim(name);
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }
}
