package cn.shishi.web;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of the bearer-token check: Quarkus's JWT authentication
 * parses every request's token through {@link JWTParser#parse(String)}. The other ways of parsing
 * pass through unchanged.
 */
@Decorator
@Priority(1)
abstract class CachingJwtParser implements JWTParser {
  private final JWTParser delegate;
  private final VerifiedTokens verified;

  @Inject
  CachingJwtParser(@Delegate JWTParser delegate, TokenCacheConfig config) {
    this.delegate = delegate;
    this.verified = new VerifiedTokens(config.maxEntries(), config.maxAge().toSeconds());
  }

  @Override
  public JsonWebToken parse(String text) throws ParseException {
    long now = Instant.now().getEpochSecond();
    Optional<JsonWebToken> known = verified.find(text, now);
    if (known.isPresent()) {
      return known.get();
    }
    JsonWebToken token = delegate.parse(text);
    verified.remember(text, token, now);
    return token;
  }
}
