package cn.shishi.aggregator.query;

import cn.shishi.web.ProblemException;
import jakarta.ws.rs.core.Response;

/** A caller, or the service, has as many live streams open as it may (429). */
public class TooManyStreams extends ProblemException {
  TooManyStreams(String key, int limit) {
    super(Response.Status.TOO_MANY_REQUESTS, "too-many-streams", key, limit);
  }
}
