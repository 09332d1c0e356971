package cn.shishi.aggregator.deadletter;

import cn.shishi.aggregator.config.AggregatorConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes the dead letters that PostgreSQL holds but the dead-letter topic does not yet, in the
 * background: the batch that met them committed without waiting for Kafka, so a dead-letter topic
 * that is missing or refuses records never holds a partition up. Failed publications stay
 * unpublished and are tried again on the next run; the gauges and an alert say when that lasts.
 */
@ApplicationScoped
public class DeadLetterOutbox {
  private static final Logger LOG = Logger.getLogger(DeadLetterOutbox.class);
  private static final int BATCH = 200;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private final DeadLetterRepository letters;
  private final Producer<byte[], byte[]> producer;
  private final AggregatorConfig config;
  private final Clock clock;
  private final Counter published;
  private final Counter failed;
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong unpublished = new AtomicLong();
  private final AtomicLong oldestUnpublishedSeconds = new AtomicLong();

  public DeadLetterOutbox(
      DeadLetterRepository letters,
      Producer<byte[], byte[]> producer,
      AggregatorConfig config,
      Clock clock,
      MeterRegistry registry) {
    this.letters = letters;
    this.producer = producer;
    this.config = config;
    this.clock = clock;
    this.published = publications(registry, "published");
    this.failed = publications(registry, "failed");
    Gauge.builder("shishi.dead.letters.open", open, AtomicLong::get)
        .description("Dead letters waiting for a decision (re-drive or discard)")
        .register(registry);
    Gauge.builder("shishi.dead.letters.unpublished", unpublished, AtomicLong::get)
        .description("Dead letters kept in PostgreSQL but not yet in the dead-letter topic")
        .register(registry);
    Gauge.builder("shishi.dead.letters.unpublished.age", oldestUnpublishedSeconds, AtomicLong::get)
        .description("Seconds since the oldest unpublished dead letter was met (0: none)")
        .baseUnit("seconds")
        .register(registry);
  }

  private static Counter publications(MeterRegistry registry, String outcome) {
    return Counter.builder("shishi.dead.letters.publications")
        .description("Dead letters copied to the dead-letter topic, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Scheduled(
      every = "${shishi.aggregator.dead-letter-publish-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    try {
      int sent;
      do {
        sent = publishSome();
      } while (sent == BATCH);
    } catch (RuntimeException e) {
      LOG.warnf("dead letters not published this time: %s", e.toString());
    } finally {
      refreshGauges();
    }
  }

  /**
   * Publishes up to a batch of unpublished dead letters and marks those Kafka acknowledged; returns
   * how many it published.
   */
  @Transactional
  public int publishSome() {
    List<StoredDeadLetter> batch = letters.lockUnpublished(BATCH);
    Map<Long, Future<RecordMetadata>> sends = new LinkedHashMap<>();
    String error = null;
    for (StoredDeadLetter letter : batch) {
      try {
        sends.put(
            letter.id(), producer.send(DeadLetterRecords.copy(letter, config.deadLetterTopic())));
      } catch (RuntimeException e) {
        error = e.toString();
        break;
      }
    }
    List<Long> done = new ArrayList<>();
    List<Long> notDone = new ArrayList<>();
    for (StoredDeadLetter letter : batch) {
      Future<RecordMetadata> send = sends.get(letter.id());
      String failure = send == null ? error : awaitAck(send);
      (failure == null ? done : notDone).add(letter.id());
      error = failure == null ? error : failure;
    }
    letters.markPublished(done, clock.instant());
    letters.markUnpublished(notDone, error);
    published.increment(done.size());
    failed.increment(notDone.size());
    if (!notDone.isEmpty()) {
      LOG.warnf("%d dead letters not published (%s); trying again later", notDone.size(), error);
    }
    return done.size();
  }

  private static String awaitAck(Future<RecordMetadata> send) {
    try {
      send.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause());
    } catch (TimeoutException e) {
      return "no acknowledgement within " + ACK_TIMEOUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private void refreshGauges() {
    try {
      DeadLetterRepository.Counts counts = letters.counts();
      open.set(counts.open());
      unpublished.set(counts.unpublished());
      oldestUnpublishedSeconds.set(
          counts.oldestUnpublished() == null
              ? 0
              : Duration.between(counts.oldestUnpublished(), clock.instant()).toSeconds());
    } catch (RuntimeException e) {
      LOG.debugf("dead-letter gauges not refreshed: %s", e);
    }
  }
}
