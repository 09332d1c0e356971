package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.contract.EventConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code task-reports} a poll at a time, as bytes (a dead letter keeps the record exactly as
 * it was written), and hands each poll's partition groups to {@link BatchRunner}: nothing a
 * producer writes and nothing the database refuses stops it; a database away holds it until it is
 * back.
 */
@ApplicationScoped
public class ReportConsumer {
  private final EventParser parser;
  private final BatchRunner runner;
  private final AggregatorConfig config;
  private final ManagedExecutor executor;
  private final BatchTracing tracing;

  public ReportConsumer(
      ObjectMapper json,
      EventConstraints constraints,
      BatchRunner runner,
      AggregatorConfig config,
      ManagedExecutor executor,
      BatchTracing tracing) {
    this.parser = new EventParser(json, constraints);
    this.runner = runner;
    this.config = config;
    this.executor = executor;
    this.tracing = tracing;
  }

  // Ordered: polls must commit in the order they were polled, or a later poll's stored offset
  // would make an earlier one look already applied. Within a poll, partition groups commit on
  // their own, in parallel: each group's stored offsets are its own partitions'.
  @Incoming("task-reports")
  @Blocking(ordered = true)
  public void consume(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    if (records.isEmpty()) {
      return;
    }
    List<List<ConsumerRecord<byte[], byte[]>>> groups =
        PartitionGroups.split(records, config.applyConcurrency());
    if (groups.size() == 1) {
      apply(groups.get(0));
      return;
    }
    List<Future<Void>> running = new ArrayList<>();
    groups.forEach(group -> running.add(executor.submit(() -> apply(group))));
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

  private Void apply(List<ConsumerRecord<byte[], byte[]>> records) throws InterruptedException {
    Span span = tracing.start(config.topic(), records);
    try (Scope current = span.makeCurrent()) {
      runner.run(parser.parse(config.topic(), records), position -> copy(records, position));
    } finally {
      span.end();
    }
    return null;
  }

  /** The record at {@code position}, whole; only a refused record needs it, so it is searched. */
  private static RecordCopy copy(
      List<ConsumerRecord<byte[], byte[]>> records, RecordPosition position) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (record.partition() == position.partition() && record.offset() == position.offset()) {
        return EventParser.copy(record);
      }
    }
    throw new IllegalStateException("no record at " + position + " in this batch");
  }
}
