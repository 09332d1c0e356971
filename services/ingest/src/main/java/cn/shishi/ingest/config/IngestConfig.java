package cn.shishi.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the ingest service, under {@code shishi.ingest} (env: {@code SHISHI_INGEST_*}). */
@ConfigMapping(prefix = "shishi.ingest")
public interface IngestConfig {

  /**
   * How long a request waits for Kafka's acknowledgement before it answers 503. Kept above the
   * producer's {@code delivery.timeout.ms}, so that a 503 means the producer has given up and the
   * record was not published.
   */
  @WithDefault("15s")
  Duration publishTimeout();

  /** The {@code Retry-After} a 503 carries, in seconds. */
  @WithDefault("5")
  int retryAfterSeconds();

  /** The Kafka topic reports and withdrawals go to. */
  @WithDefault("task-reports")
  String topic();

  /**
   * The settings of the Kafka producer that writes to {@link #topic()}, as Kafka names them ({@code
   * shishi.ingest.producer.linger.ms=5}), handed to it unchanged; the serialisers are fixed in
   * code. application.properties lists each with the reason for its value.
   */
  Map<String, String> producer();

  /** Largest body of a single report or withdrawal, in bytes (413 above). */
  @WithDefault("1048576")
  long maxReportBytes();

  /**
   * Largest body of a batch, in bytes (413 above); keep quarkus.http.limits.max-body-size above.
   */
  @WithDefault("8388608")
  long maxBatchBytes();

  /**
   * Reports and withdrawals handed to the producer and not yet acknowledged, at most: past it, a
   * request is answered 503 at once rather than waiting for room in the producer's buffer. The
   * default keeps well inside the producer's 32 MB buffer (reports are about 320 bytes).
   */
  @WithDefault("20000")
  int maxPendingRecords();

  /**
   * Reports a freshly started ingest decodes, validates, maps and serialises before it says it is
   * ready, publishing none, so that its first offices do not wait on the JIT compiling that path
   * (benchmark B9); 0 decodes none. With {@link #warmUpRequests()} 0 as well there is no warm-up.
   */
  @WithDefault("3000")
  int warmUpReports();

  /**
   * Requests a freshly started ingest then sends to its own reports' endpoints, each with a token
   * whose signature is made up, so that the HTTP layer and the token's verification run compiled
   * for its first offices (B9); each is refused 401 before anything is published and none counts in
   * the HTTP metrics. 0 sends none.
   */
  @WithDefault("400")
  int warmUpRequests();

  /**
   * The longest the warm-up may take: past it the instance stops warming and says it is ready, so
   * that a slow start or a port that does not answer cannot keep it out of service for long.
   */
  @WithDefault("30s")
  Duration warmUpDeadline();

  /** Each office's rate. */
  RateLimit rateLimit();

  /** A token bucket per office; one token per report or withdrawal (429 when empty). */
  interface RateLimit {
    /** Sustained reports (and withdrawals) per second per office; 0 turns the limit off. */
    @WithDefault("200")
    double reportsPerSecond();

    /**
     * What an office may file at once; a batch larger than it waits for a full bucket. One
     * spreadsheet of the console (up to 10,000 rows) fits, so an upload is filed in seconds.
     */
    @WithDefault("10000")
    long burst();
  }
}
