package cn.shishi.aggregator.deadletter;

import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AdminAction;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.config.AggregatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * What auditors read and admins decide about dead letters. A re-drive sends the record back through
 * {@code task-reports}, as it was or corrected ({@link Corrections}), so that it meets every rule a
 * report meets: a report counted meanwhile makes it a duplicate, never a second count. The decision
 * is stored only once Kafka has the record; a record that fails again becomes a new dead letter
 * that names this one.
 */
@ApplicationScoped
public class DeadLetterService {
  private static final Logger LOG = Logger.getLogger(DeadLetterService.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  /** Re-drives by reason go in slices of this many, each its own transaction. */
  static final int REDRIVE_SLICE = 500;

  private final DeadLetterRepository letters;
  private final Corrections corrections;
  private final Producer<byte[], byte[]> producer;
  private final AggregatorConfig config;
  private final AuditLog audit;
  private final Clock clock;

  public DeadLetterService(
      DeadLetterRepository letters,
      Corrections corrections,
      @Redrives Producer<byte[], byte[]> producer,
      AggregatorConfig config,
      AuditLog audit,
      Clock clock) {
    this.letters = letters;
    this.corrections = corrections;
    this.producer = producer;
    this.config = config;
    this.audit = audit;
    this.clock = clock;
  }

  public List<StoredDeadLetter> list(DeadLetterRepository.Filter filter, int limit) {
    return letters.list(filter, limit);
  }

  public StoredDeadLetter find(long id) {
    return letters.find(id).orElseThrow(() -> new DeadLetterProblem.NotFound(id));
  }

  /**
   * Sends an open dead letter back through {@code task-reports}: unchanged when {@code corrected}
   * is empty, else as that event (a JSON object), checked first like a report the ingest takes.
   */
  @Transactional
  public StoredDeadLetter redrive(long id, Optional<String> corrected, Actor actor, String note) {
    StoredDeadLetter letter = open(id);
    ProducerRecord<byte[], byte[]> record;
    String resolution;
    byte[] correctedPayload = null;
    if (corrected.isPresent()) {
      Corrections.Corrected event = corrections.check(letter, corrected.get());
      correctedPayload = event.payload();
      record = DeadLetterRecords.redrive(letter, config.topic(), event.key(), event.payload());
      resolution = "re-driven with a corrected payload";
    } else {
      record = DeadLetterRecords.redrive(letter, config.topic(), letter.key(), letter.payload());
      resolution = "re-driven unchanged";
    }
    send(record);
    String decided = note == null || note.isBlank() ? resolution : resolution + ": " + note;
    letters.resolve(
        id,
        StoredDeadLetter.State.REDRIVEN,
        actor.name(),
        decided,
        correctedPayload,
        clock.instant());
    audit.record(actor, AdminAction.REDRIVE, "dead letter " + id, decided);
    LOG.infof("dead letter %d %s by %s", id, resolution, actor.name());
    return letters.find(id).orElseThrow();
  }

  /** The ids of up to a slice of open dead letters of {@code reason}, for a re-drive by reason. */
  public List<Long> openOfReason(String reason) {
    return letters.openIds(reason, REDRIVE_SLICE);
  }

  /** Sets an open dead letter aside for good, with why; it stays for audit. */
  @Transactional
  public StoredDeadLetter discard(long id, Actor actor, String why) {
    open(id);
    letters.resolve(id, StoredDeadLetter.State.DISCARDED, actor.name(), why, null, clock.instant());
    audit.record(actor, AdminAction.DISCARD, "dead letter " + id, why);
    LOG.infof("dead letter %d discarded by %s: %s", id, actor.name(), why);
    return letters.find(id).orElseThrow();
  }

  private StoredDeadLetter open(long id) {
    StoredDeadLetter letter =
        letters.lock(id).orElseThrow(() -> new DeadLetterProblem.NotFound(id));
    if (letter.state() != StoredDeadLetter.State.OPEN) {
      throw new DeadLetterProblem.NotOpen(letter);
    }
    if (letter.payload() == null) {
      throw new DeadLetterProblem.NothingKept(letter);
    }
    return letter;
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new DeadLetterProblem.KafkaUnavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterProblem.KafkaUnavailable(e);
    }
  }
}
