package cn.shishi.ingest.warmup;

import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.ingest.config.IngestConfig;
import cn.shishi.ingest.domain.ReportBatch;
import cn.shishi.ingest.messaging.OutgoingEvent;
import cn.shishi.ingest.messaging.ReportEventMapper;
import cn.shishi.ingest.messaging.ReportPublisher;
import cn.shishi.ingest.rest.ReportBatchDecoder;
import cn.shishi.web.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Takes a freshly started ingest through its reports' path before it says it is ready, once its
 * HTTP server listens: the producer learns the topic's partitions; {@code
 * shishi.ingest.warm-up-reports} made-up reports are decoded as the two reports' endpoints decode
 * their bodies, validated, mapped to events and serialised; then {@code
 * shishi.ingest.warm-up-requests} requests carrying such bodies go to its own endpoints with a
 * token it refuses ({@link HttpRehearsal}), and reports it makes invalid. Nothing is published.
 * Without it, the first offices to reach a new instance paid for the JIT compiling that code on a
 * busy machine (B9 in docs/benchmarks.md). With Kafka away the metadata request fails after {@code
 * max.block.ms} (or is left behind at the deadline) and the rest goes on; past {@code
 * shishi.ingest.warm-up-deadline} it stops; whatever fails, the instance is ready at the end.
 */
@ApplicationScoped
public class WarmUp {
  private static final Logger LOG = Logger.getLogger(WarmUp.class);
  private static final int BATCH = 100;
  // A Jiaxing county office and a program and kind of task of the built-in catalogue.
  private static final Caller OFFICE = new Caller("warm-up", Set.of("office"), "330402", "warm-up");

  private final ObjectMapper json;
  private final ReportBatchDecoder decoder;
  private final ReportValidator validator;
  private final ReportPublisher publisher;
  private final HttpRehearsal http;
  private final ManagedExecutor executor;
  private final Clock clock;
  private final int reports;
  private final int requests;
  private final Duration timeLimit;
  private final AtomicBoolean begun = new AtomicBoolean();
  private volatile int serialised;
  private volatile int requestsSent;
  private volatile int refused;
  private volatile boolean done;

  public WarmUp(
      ObjectMapper json,
      ReportBatchDecoder decoder,
      ReportValidator validator,
      ReportPublisher publisher,
      HttpRehearsal http,
      ManagedExecutor executor,
      Clock clock,
      IngestConfig config) {
    this.json = json;
    this.decoder = decoder;
    this.validator = validator;
    this.publisher = publisher;
    this.http = http;
    this.executor = executor;
    this.clock = clock;
    this.reports = config.warmUpReports();
    this.requests = config.warmUpRequests();
    this.timeLimit = config.warmUpDeadline();
  }

  // Quarkus opens the HTTP port after the start-up observers; the requests need it open.
  void httpStarted(@ObservesAsync HttpServerStart event) {
    begin();
  }

  // An instance without a plain HTTP port opens only this one; its reports still warm.
  void httpsStarted(@ObservesAsync HttpsServerStart event) {
    if (!http.plainHttp()) {
      begin();
    }
  }

  private void begin() {
    if (!begun.compareAndSet(false, true)) {
      return;
    }
    if (reports <= 0 && requests <= 0) {
      done = true;
      return;
    }
    executor.execute(this::run);
  }

  /** Whether the warm-up is over, done or cut short. */
  public boolean done() {
    return done;
  }

  /** The made-up reports that were valid and serialised: all of them, unless it was cut short. */
  public int serialised() {
    return serialised;
  }

  /** The requests the warm-up sent its own endpoints: none without a plain HTTP port. */
  public int requestsSent() {
    return requestsSent;
  }

  /** The warm-up's requests its own endpoints refused 401: all of them, unless it was cut short. */
  public int refused() {
    return refused;
  }

  private void run() {
    long started = System.nanoTime();
    try {
      Deadline deadline = Deadline.after(timeLimit);
      String partitions = partitions(deadline);
      List<ReportSubmission> madeUp = madeUp(true);
      byte[] batch = json.writeValueAsBytes(new ReportBatch(madeUp));
      List<byte[]> singles = singles(madeUp);
      ObjectReader single = json.readerFor(ReportSubmission.class);
      int decoded = 0;
      for (int round = 0; decoded < reports && !deadline.passed(); round++) {
        serialised +=
            rehearse(round % 2 == 0 ? decoder.decode(batch).reports() : decode(singles, single));
        decoded += BATCH;
      }
      if (serialised < decoded) {
        // The catalogue no longer has the program or kind of task: validation ran, the rest less.
        LOG.warnf("warm-up: %d of %d made-up reports were invalid", decoded - serialised, decoded);
      }
      // The requests' reports are invalid (quantity 0), so that a token that passed in error would
      // still publish nothing: the endpoint would answer 422.
      List<ReportSubmission> invalid = madeUp(false);
      HttpRehearsal.Answers answers =
          http.rehearse(
              requests,
              json.writeValueAsBytes(new ReportBatch(invalid)),
              singles(invalid),
              deadline);
      requestsSent = answers.sent();
      refused = answers.refused();
      answers.unexpectedStatus().ifPresent(status -> notRefused(status, answers));
      String summary = summary(partitions, decoded, answers, deadline);
      if (deadline.passed()) {
        LOG.warnf(
            "warm-up cut short by its %s limit after %d ms: %s",
            timeLimit, elapsed(started), summary);
      } else if (answers.timedOut()) {
        LOG.warnf("warm-up cut short after %d ms: %s", elapsed(started), summary);
      } else {
        LOG.infof("warmed up in %d ms: %s", elapsed(started), summary);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warnf(e, "warm-up cut short after %d ms", elapsed(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warnf("warm-up interrupted after %d ms", elapsed(started));
    } finally {
      done = true;
    }
  }

  private String summary(
      String partitions, int decoded, HttpRehearsal.Answers answers, Deadline deadline) {
    String requestsSent =
        http.plainHttp()
            ? String.format(
                "%d of %d requests to its own endpoints refused 401 as meant%s",
                answers.refused(), requests, unanswered(answers, deadline))
            : String.format(
                "no requests to its own endpoints (no plain HTTP: %s)", http.noPlainHttp());
    return String.format(
        "%s, %d reports decoded (half in batches, half one by one) and validated, %d serialised,"
            + " %s%s",
        partitions,
        decoded,
        serialised,
        requestsSent,
        answers.unexpectedStatus().isEmpty() ? ", none published" : "");
  }

  /** What became of a request that got no answer: the deadline's doing, or the instance's. */
  private String unanswered(HttpRehearsal.Answers answers, Deadline deadline) {
    if (!answers.timedOut()) {
      return "";
    }
    return deadline.passed()
        ? String.format(", request %d cut short by the deadline", answers.sent())
        : String.format(
            ", request %d not answered within %d s",
            answers.sent(), http.requestTimeout().toSeconds());
  }

  private void notRefused(int status, HttpRehearsal.Answers answers) {
    if (http.answeredBeforeTheToken(status)) {
      // The warm-up's own paths are wrong: nothing about the token is known, nothing was taken.
      LOG.warnf(
          "warm-up: its own endpoint answered %d to request %d, before looking at its token; the"
              + " warm-up sent no more, and the reports' path is not warm",
          status, answers.sent());
      return;
    }
    LOG.errorf(
        "warm-up: its own endpoint answered %d, not 401, to request %d, whose office token is"
            + " signed by no one; the warm-up sent no more. The token's verification"
            + " (mp.jwt.verify.*) must refuse such a token: check it before this instance takes"
            + " offices' reports.%s",
        status,
        answers.sent(),
        status / 100 == 2
            ? " The report was made invalid on purpose and was accepted: look for office"
                + " warm-up in task-reports."
            : "");
  }

  private List<byte[]> singles(List<ReportSubmission> madeUp) throws IOException {
    List<byte[]> singles = new ArrayList<>(madeUp.size());
    for (ReportSubmission report : madeUp) {
      singles.add(json.writeValueAsBytes(report));
    }
    return singles;
  }

  /** As Quarkus's reader decodes the single report's body: the application's mapper, a stream. */
  private List<ReportSubmission> decode(List<byte[]> singles, ObjectReader reader)
      throws IOException {
    List<ReportSubmission> decoded = new ArrayList<>(singles.size());
    for (byte[] single : singles) {
      decoded.add(reader.readValue(new ByteArrayInputStream(single)));
    }
    return decoded;
  }

  /**
   * The producer's first metadata request: Kafka away does not keep the rest from warming, nor (the
   * request blocking up to {@code max.block.ms}) the instance from being ready by the deadline.
   */
  private String partitions(Deadline deadline) throws InterruptedException {
    try {
      return deadline
          .await(executor.supplyAsync(publisher::prepare))
          .map(count -> count + " partitions known")
          .orElse("the topic's partitions not known by the deadline");
    } catch (ExecutionException e) {
      return "the topic's partitions not known (" + e.getCause() + ")";
    }
  }

  private static long elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  /** What a request does with its decoded reports, short of publishing; the number valid. */
  private int rehearse(List<ReportSubmission> submissions) {
    List<OutgoingEvent> events = new ArrayList<>(submissions.size());
    for (ReportSubmission submission : submissions) {
      ReportValidator.Validated validated = validator.validate(submission, "");
      if (validated.isValid()) {
        events.add(ReportEventMapper.filed(validated.report(), OFFICE, clock.instant()));
      }
    }
    publisher.rehearse(events);
    return events.size();
  }

  /** A batch of made-up reports, valid or each with quantity 0. */
  private List<ReportSubmission> madeUp(boolean valid) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8));
    List<ReportSubmission> made = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      made.add(
          new ReportSubmission(
              UUID.randomUUID(),
              OFFICE.region(),
              "warm-nest",
              "household-helped",
              valid ? 1 + i % 5 : 0,
              2 + i % 7,
              now.minusDays(1).minusMinutes(i),
              "为南湖区两户老人完成适老化改造"));
    }
    return made;
  }
}
