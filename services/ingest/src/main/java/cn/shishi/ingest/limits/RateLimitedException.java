package cn.shishi.ingest.limits;

/** The office has used its rate; retry after the given seconds (429). */
public class RateLimitedException extends RuntimeException {
  private final long retryAfterSeconds;

  RateLimitedException(long retryAfterSeconds) {
    super("this office files faster than its rate allows; retry after " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
