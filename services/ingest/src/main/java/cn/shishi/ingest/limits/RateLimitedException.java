package cn.shishi.ingest.limits;

import cn.shishi.web.ProblemException;
import jakarta.ws.rs.core.Response;

/** The office has used its rate; retry after the given seconds (429). */
public class RateLimitedException extends ProblemException {
  RateLimitedException(long retryAfterSeconds) {
    super(
        Response.Status.TOO_MANY_REQUESTS,
        "rate-limited",
        retryAfterSeconds,
        "rate.limited",
        retryAfterSeconds);
  }
}
