package cn.shishi.aggregator.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who makes the current request: its token's subject and the client's address. */
@ApplicationScoped
public class Actors {
  private final JsonWebToken token;
  private final CurrentVertxRequest request;

  public Actors(JsonWebToken token, CurrentVertxRequest request) {
    this.token = token;
    this.request = request;
  }

  /** The actor of the request being served; call it only while serving one. */
  public Actor current() {
    SocketAddress remote =
        request.getCurrent() == null ? null : request.getCurrent().request().remoteAddress();
    return new Actor(token.getSubject(), remote == null ? null : remote.hostAddress());
  }
}
