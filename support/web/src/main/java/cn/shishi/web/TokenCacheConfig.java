package cn.shishi.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The verified-token cache of both services ({@code shishi.token-cache.*}). */
@ConfigMapping(prefix = "shishi.token-cache")
public interface TokenCacheConfig {

  /**
   * Most tokens kept verified at once, about 3 KB each; 0 (or less) verifies every request in full.
   * Size it to the offices and dashboards active within a token's lifetime.
   */
  @WithDefault("4096")
  int maxEntries();

  /**
   * How long a verified token is honoured without verifying it again, at most (its expiry comes
   * first when sooner): bounds how long a key withdrawn by the identity provider stays honoured.
   */
  @WithDefault("10m")
  Duration maxAge();
}
