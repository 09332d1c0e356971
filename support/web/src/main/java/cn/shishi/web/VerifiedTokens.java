package cn.shishi.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, each until its own expiry. An office sends the same token with
 * every report, and verifying it again (RSA signature, two JSON parses) cost a third of the
 * ingest's CPU and half of its garbage per single report. A token's verdict depends only on its
 * text, the trusted key and the time: within {@code exp} the text alone decides. The clock skew
 * that verification allows after {@code exp} is left to the full verification.
 *
 * <p>Bounded: when full, expired entries go, and if that frees nothing, all of them (the next
 * request of each office verifies once more).
 */
final class VerifiedTokens {
  private final int capacity;
  private final Map<String, JsonWebToken> byText = new ConcurrentHashMap<>();

  VerifiedTokens(int capacity) {
    this.capacity = capacity;
  }

  Optional<JsonWebToken> find(String text, long nowEpochSecond) {
    JsonWebToken token = byText.get(text);
    if (token == null) {
      return Optional.empty();
    }
    if (expired(token, nowEpochSecond)) {
      byText.remove(text, token);
      return Optional.empty();
    }
    return Optional.of(token);
  }

  void remember(String text, JsonWebToken token, long nowEpochSecond) {
    if (capacity <= 0 || expired(token, nowEpochSecond)) {
      return;
    }
    if (byText.size() >= capacity) {
      byText.values().removeIf(known -> expired(known, nowEpochSecond));
      if (byText.size() >= capacity) {
        byText.clear();
      }
    }
    byText.put(text, token);
  }

  private static boolean expired(JsonWebToken token, long nowEpochSecond) {
    return token.getExpirationTime() <= nowEpochSecond;
  }
}
