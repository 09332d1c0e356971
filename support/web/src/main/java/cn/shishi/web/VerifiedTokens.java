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
 * request of each office verifies once more). And bounded in time: an entry is kept at most {@code
 * maxAgeSeconds} after its verification, however long the token lives, so that a key the identity
 * provider withdraws stops being honoured within that time.
 */
final class VerifiedTokens {
  private final int capacity;
  private final long maxAgeSeconds;
  private final Map<String, Entry> byText = new ConcurrentHashMap<>();

  /** A verified token and the second from which it must be verified again. */
  private record Entry(JsonWebToken token, long until) {
    boolean isOver(long nowEpochSecond) {
      return until <= nowEpochSecond;
    }
  }

  VerifiedTokens(int capacity, long maxAgeSeconds) {
    this.capacity = capacity;
    this.maxAgeSeconds = maxAgeSeconds;
  }

  Optional<JsonWebToken> find(String text, long nowEpochSecond) {
    Entry entry = byText.get(text);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.isOver(nowEpochSecond)) {
      byText.remove(text, entry);
      return Optional.empty();
    }
    return Optional.of(entry.token());
  }

  void remember(String text, JsonWebToken token, long nowEpochSecond) {
    Entry entry =
        new Entry(token, Math.min(token.getExpirationTime(), nowEpochSecond + maxAgeSeconds));
    if (capacity <= 0 || entry.isOver(nowEpochSecond)) {
      return;
    }
    if (byText.size() >= capacity) {
      byText.values().removeIf(known -> known.isOver(nowEpochSecond));
      if (byText.size() >= capacity) {
        byText.clear();
      }
    }
    byText.put(text, entry);
  }
}
