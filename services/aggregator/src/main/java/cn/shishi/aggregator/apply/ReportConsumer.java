package cn.shishi.aggregator.messaging;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.domain.BatchOutcome;
import cn.shishi.aggregator.domain.EventBatch;
import cn.shishi.aggregator.domain.RollupService;
import cn.shishi.aggregator.metrics.ProcessingMetrics;
import cn.shishi.catalog.Regions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code task-reports} a poll at a time and hands each poll to {@link RollupService} as one
 * transaction. A failed transaction (the database away, say) is tried again, with backoff, until it
 * commits: the batch is neither skipped nor acknowledged before that.
 */
@ApplicationScoped
public class ReportConsumer {
  private static final Logger LOG = Logger.getLogger(ReportConsumer.class);

  private final EventParser parser;
  private final RollupService rollups;
  private final DeadLetterPublisher deadLetters;
  private final AggregatorConfig config;
  private final Event<BatchOutcome> applied;
  private final ProcessingMetrics metrics;
  private final ExecutorService workers;

  public ReportConsumer(
      ObjectMapper json,
      Regions regions,
      RollupService rollups,
      DeadLetterPublisher deadLetters,
      AggregatorConfig config,
      Event<BatchOutcome> applied,
      ProcessingMetrics metrics) {
    this.parser = new EventParser(json, regions);
    this.rollups = rollups;
    this.deadLetters = deadLetters;
    this.config = config;
    this.applied = applied;
    this.metrics = metrics;
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(1, config.applyConcurrency()),
            task -> {
              Thread worker = new Thread(task, "report-apply");
              worker.setDaemon(true);
              return worker;
            });
  }

  // Ordered: polls must commit in the order they were polled, or a later poll's stored offset
  // would make an earlier one look already applied. Within a poll, partition groups commit on
  // their own, in parallel: each group's stored offsets are its own partitions'.
  @Incoming("task-reports")
  @Blocking(ordered = true)
  public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
    if (records.isEmpty()) {
      return;
    }
    List<List<ConsumerRecord<String, String>>> groups =
        PartitionGroups.split(records, config.applyConcurrency());
    if (groups.size() == 1) {
      apply(groups.get(0));
      return;
    }
    List<Future<Void>> running = new ArrayList<>();
    groups.forEach(group -> running.add(workers.submit(() -> apply(group))));
    try {
      for (Future<Void> group : running) {
        group.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("applying a partition group failed", e.getCause());
    } finally {
      running.forEach(group -> group.cancel(true));
    }
  }

  private Void apply(List<ConsumerRecord<String, String>> records) throws InterruptedException {
    EventBatch batch = parser.parse(config.topic(), records);
    if (!batch.deadLetters().isEmpty()) {
      Map<Long, ConsumerRecord<String, String>> byPosition = byPosition(records);
      untilDone(
          "publishing dead letters",
          () -> {
            deadLetters.publish(batch.deadLetters(), byPosition, config.retryBackoffMax());
            return null;
          });
    }
    BatchOutcome outcome =
        untilDone("applying a batch", () -> metrics.timeCommit(() -> rollups.apply(batch)));
    applied.fire(outcome);
    return null;
  }

  @PreDestroy
  void stopWorkers() {
    workers.shutdownNow();
  }

  /**
   * Runs {@code step} until it succeeds. Giving up is not an option: skipping the batch would lose
   * reports, and failing the channel would stop every partition for one bad moment.
   */
  private <T> T untilDone(String what, Supplier<T> step) throws InterruptedException {
    Duration backoff = config.retryBackoff();
    while (true) {
      try {
        return step.get();
      } catch (RuntimeException e) {
        LOG.warnf("%s failed (%s); trying again in %s", what, e, backoff);
        Thread.sleep(backoff.toMillis());
        backoff = min(backoff.multipliedBy(2), config.retryBackoffMax());
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Map<Long, ConsumerRecord<String, String>> byPosition(
      List<ConsumerRecord<String, String>> records) {
    Map<Long, ConsumerRecord<String, String>> byPosition = new HashMap<>();
    records.forEach(r -> byPosition.put(DeadLetterPublisher.key(r.partition(), r.offset()), r));
    return byPosition;
  }
}
