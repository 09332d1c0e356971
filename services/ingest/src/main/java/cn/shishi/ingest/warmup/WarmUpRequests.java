package cn.shishi.ingest.warmup;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Keeps the warm-up's own requests out of the HTTP metrics. They are all refused 401, and counted
 * they would make every restart look like the identity provider failing
 * (ShishiAuthenticationFailing compares 401s with all requests over 10 minutes, and a quiet night
 * has few). A request is the warm-up's when it carries this instance's mark, a random value made at
 * start that no caller can know: no one else can keep a request out of the metrics.
 */
@ApplicationScoped
public class WarmUpRequests implements HttpServerMetricsTagsContributor {
  static final String HEADER = "Shishi-Warm-Up";
  // A tag no meter keeps: the filter below drops every meter that has it.
  private static final String TAG = "shishi.warm-up";
  private static final Tags MARKED = Tags.of(TAG, "true");

  private final String mark = UUID.randomUUID().toString();
  private final byte[] markBytes = mark.getBytes(StandardCharsets.US_ASCII);

  /** Marks a request as the warm-up's. */
  HttpRequest.Builder mark(HttpRequest.Builder request) {
    return request.header(HEADER, mark);
  }

  @Override
  public Tags contribute(Context context) {
    String header = context.request().getHeader(HEADER);
    // In constant time, so that the answer's timing tells a caller nothing of the mark.
    return header != null
            && MessageDigest.isEqual(markBytes, header.getBytes(StandardCharsets.UTF_8))
        ? MARKED
        : Tags.empty();
  }

  @Produces
  @Singleton
  MeterFilter warmUpRequestsUnmetered() {
    return MeterFilter.deny(id -> id.getTag(TAG) != null);
  }
}
