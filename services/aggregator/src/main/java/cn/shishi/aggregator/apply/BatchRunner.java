package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.config.AggregatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies a batch until every record in it is applied or set aside, so that no record halts the
 * counting and no failure loses one. A transient failure is retried, with backoff, until the batch
 * commits. When the database refuses a value (a data failure, {@link FailureKind}), the batch is
 * split in halves, each applied on its own, until the refused record stands alone; it is then
 * committed as a dead letter in its place, with the same offsets-in-one-transaction rule as every
 * other record, and the records after it go on.
 */
@ApplicationScoped
public class BatchRunner {
  private static final Logger LOG = Logger.getLogger(BatchRunner.class);

  private final Function<EventBatch, BatchOutcome> applier;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final BatchMetrics metrics;
  private final Consumer<BatchOutcome> committed;
  private volatile boolean stopping;

  @Inject
  public BatchRunner(
      BatchApplier applier,
      AggregatorConfig config,
      BatchMetrics metrics,
      Event<BatchOutcome> committed) {
    this(applier::apply, config.retryBackoff(), config.retryBackoffMax(), metrics, committed::fire);
  }

  BatchRunner(
      Function<EventBatch, BatchOutcome> applier,
      Duration firstBackoff,
      Duration maxBackoff,
      BatchMetrics metrics,
      Consumer<BatchOutcome> committed) {
    this.applier = applier;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.metrics = metrics;
    this.committed = committed;
  }

  /**
   * Applies {@code batch}; {@code copies} gives the record read at a position, whole, for a dead
   * letter. Returns once all of it is committed.
   */
  public void run(EventBatch batch, Function<RecordPosition, RecordCopy> copies)
      throws InterruptedException {
    try {
      commit(batch);
    } catch (DataRefused refused) {
      if (batch.size() == 1) {
        setAside(batch, copies, refused);
      } else {
        LOG.warnf(
            "the database refused a record of a batch of %d (%s); splitting it",
            batch.size(), refused);
        for (EventBatch half : batch.halves()) {
          run(half, copies);
        }
      }
    }
  }

  /** Commits the one record of {@code batch} as a dead letter instead. */
  private void setAside(
      EventBatch batch, Function<RecordPosition, RecordCopy> copies, DataRefused refused)
      throws InterruptedException {
    BatchItem item = batch.items().get(0);
    LOG.errorf(
        "the database refused the record at %s: %s; setting it aside", item.position(), refused);
    DeadLetter letter = RefusedRecords.deadLetter(item, refused.getMessage(), copies);
    try {
      commit(batch.settingAside(letter));
    } catch (DataRefused again) {
      // Nothing of a dead letter's row comes from the record but bytes and a cleaned detail, so
      // this should not happen; if it does, the record's bytes go and its position stays.
      LOG.errorf(
          "the dead letter at %s could not be stored whole either (%s)", item.position(), again);
      try {
        commit(batch.settingAside(RefusedRecords.withoutRecord(letter, again.getMessage())));
      } catch (DataRefused last) {
        throw new IllegalStateException("a dead letter without its record was refused", last);
      }
    }
  }

  /**
   * The process is stopping (SIGTERM): a batch that fails from now on is not tried again but left,
   * uncommitted, to whoever owns its partitions next; one committing now is never interrupted.
   */
  void onStop(@Observes ShutdownEvent stop) {
    stopping = true;
  }

  /**
   * Commits {@code batch}, trying transient failures again until it passes or the process stops.
   */
  private void commit(EventBatch batch) throws InterruptedException, DataRefused {
    Duration backoff = firstBackoff;
    while (true) {
      try {
        BatchOutcome outcome = metrics.timeCommit(() -> applier.apply(batch));
        metrics.committed(outcome);
        committed.accept(outcome);
        return;
      } catch (RuntimeException e) {
        FailureKind kind = FailureKind.of(e);
        metrics.failed(kind);
        if (kind == FailureKind.DATA) {
          throw new DataRefused(e);
        }
        if (stopping) {
          throw new IllegalStateException(
              "stopping: a batch of " + batch.size() + " is left to the partitions' next owner", e);
        }
        LOG.warnf(
            "applying a batch of %d failed (%s); trying again in %s", batch.size(), e, backoff);
        Thread.sleep(backoff.toMillis());
        backoff = min(backoff.multipliedBy(2), maxBackoff);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The database refused a value of the batch: SQLSTATE and message. */
  static final class DataRefused extends Exception {
    DataRefused(RuntimeException cause) {
      super(FailureKind.sqlState(cause) + " " + rootMessage(cause), cause, false, false);
    }

    private static String rootMessage(Throwable failure) {
      Throwable root = failure;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getMessage();
    }
  }
}
