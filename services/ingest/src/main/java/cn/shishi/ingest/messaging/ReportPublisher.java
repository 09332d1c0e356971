package cn.shishi.ingest.messaging;

import cn.shishi.contract.EventHeaders;
import cn.shishi.contract.EventTimestamps;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportFiledJson;
import cn.shishi.ingest.config.IngestConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes events to {@code task-reports} and completes only when Kafka has acknowledged them ({@code
 * acks=all}, idempotent producer): an office is told "accepted" only for what is durable.
 *
 * <p>A whole list costs one hand-over and one completion, not one per record: the records go to the
 * producer on a thread of their own, because {@code send} blocks for up to {@code max.block.ms}
 * while the topic's partitions are unknown (Kafka down), and the HTTP event loop must not.
 *
 * <p>The hand-over is bounded: at most {@code shishi.ingest.max-pending-records} records are with
 * the producer and not yet acknowledged. Past that a request fails at once (503), instead of every
 * request waiting for room in the producer's buffer until its own timeout.
 */
@ApplicationScoped
public class ReportPublisher {
  private final Producer<String, byte[]> producer;
  private final ObjectWriter writer;
  private final String topic;
  private final Duration publishTimeout;
  private final Semaphore room;
  private final Counter refusedFull;
  private final TraceContextHeaders traceContext;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "shishi-report-sender");
            thread.setDaemon(true);
            return thread;
          });

  @Inject
  public ReportPublisher(
      Producer<String, byte[]> producer,
      ObjectMapper json,
      IngestConfig config,
      MeterRegistry metrics,
      TraceContextHeaders traceContext) {
    this(
        producer,
        json,
        config.topic(),
        config.publishTimeout(),
        config.maxPendingRecords(),
        metrics,
        traceContext);
  }

  ReportPublisher(
      Producer<String, byte[]> producer,
      ObjectMapper json,
      String topic,
      Duration publishTimeout,
      int maxPendingRecords,
      MeterRegistry metrics,
      TraceContextHeaders traceContext) {
    this.producer = producer;
    this.traceContext = traceContext;
    this.writer = EventTimestamps.writer(json);
    this.topic = topic;
    this.publishTimeout = publishTimeout;
    this.room = new Semaphore(maxPendingRecords);
    metrics.gauge(
        "shishi.ingest.producer.pending",
        room,
        r -> maxPendingRecords - (double) r.availablePermits());
    this.refusedFull = metrics.counter("shishi.ingest.producer.full");
  }

  /**
   * Readies the producer: it learns the topic's partitions and their leaders, as the first publish
   * would. Returns the number of partitions; blocks up to {@code max.block.ms}.
   */
  public int prepare() {
    return producer.partitionsFor(topic).size();
  }

  /** Builds the records of {@code events}, serialised, and hands none to Kafka: a warm-up's run. */
  public void rehearse(List<OutgoingEvent> events) {
    for (OutgoingEvent event : events) {
      record(event, List.of());
    }
  }

  /**
   * Publishes every event; completes when all are acknowledged, fails on the first that is not or
   * when the publish timeout passes. After a failure no further record is handed to Kafka.
   */
  public Uni<Void> publishAll(List<OutgoingEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Header> trace = traceContext.current();
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
    for (OutgoingEvent event : events) {
      records.add(record(event, trace));
    }
    Uni<Void> published =
        Uni.createFrom()
            .<Void>emitter(emitter -> handOver(records, emitter))
            .ifNoItem()
            .after(publishTimeout)
            .fail()
            .onFailure()
            .transform(cause -> new PublishFailedException("Kafka did not acknowledge", cause));
    // The outcome arrives on Kafka's network thread; the request goes on where it came from.
    Context context = Vertx.currentContext();
    return context == null
        ? published
        : published.emitOn(task -> context.runOnContext(ignored -> task.run()));
  }

  private void handOver(
      List<ProducerRecord<String, byte[]>> records, UniEmitter<? super Void> emitter) {
    if (!room.tryAcquire(records.size())) {
      refusedFull.increment();
      emitter.fail(new IllegalStateException("the producer has no room for more records"));
      return;
    }
    AtomicBoolean over = new AtomicBoolean();
    emitter.onTermination(() -> over.set(true));
    try {
      sender.execute(() -> sendAll(records, emitter, over));
    } catch (RejectedExecutionException e) {
      room.release(records.size());
      emitter.fail(e);
    }
  }

  private void sendAll(
      List<ProducerRecord<String, byte[]>> records,
      UniEmitter<? super Void> emitter,
      AtomicBoolean over) {
    AtomicInteger pending = new AtomicInteger(records.size());
    // The room of the records not yet handed to the producer. A failure gives it back before it
    // is reported, so that whoever hears of the failure finds the room free again.
    AtomicInteger unsent = new AtomicInteger(records.size());
    Callback acknowledged =
        (metadata, exception) -> {
          if (exception != null) {
            over.set(true);
            room.release(1 + unsent.getAndSet(0));
            emitter.fail(exception);
          } else {
            room.release();
            if (pending.decrementAndGet() == 0) {
              emitter.complete(null);
            }
          }
        };
    for (ProducerRecord<String, byte[]> record : records) {
      if (over.get()) {
        room.release(unsent.getAndSet(0));
        return;
      }
      unsent.decrementAndGet();
      try {
        producer.send(record, acknowledged);
      } catch (RuntimeException e) {
        // Kafka's send reports its own failures (ApiException) to the callback and returns; what it
        // throws never reaches the callback, so this record's room is released here.
        over.set(true);
        room.release(1 + unsent.getAndSet(0));
        emitter.fail(e);
        return;
      }
    }
  }

  private ProducerRecord<String, byte[]> record(OutgoingEvent event, List<Header> trace) {
    Header[] headers = new Header[1 + trace.size()];
    headers[0] = new RecordHeader(EventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < trace.size(); i++) {
      headers[i + 1] = trace.get(i);
    }
    return new ProducerRecord<>(
        topic, null, event.key(), serialise(event.body()), new RecordHeaders(headers));
  }

  private byte[] serialise(Object event) {
    // Reports, nearly every record, by the contract's hand-written writer (a measured hot path);
    // withdrawals by the mapper.
    if (event instanceof ReportFiled filed) {
      return ReportFiledJson.write(filed);
    }
    try {
      return writer.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdown();
  }
}
