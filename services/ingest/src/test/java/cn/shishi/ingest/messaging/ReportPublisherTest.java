package cn.shishi.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.contract.EventHeaders;
import cn.shishi.contract.EventTypes;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportWithdrawn;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ReportPublisherTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Instant NOW = Instant.parse("2021-05-14T02:31:07.250Z");

  private static MockProducer<String, byte[]> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new StringSerializer(), new ByteArraySerializer());
  }

  private static ReportPublisher publisher(MockProducer<String, byte[]> producer, Duration bound) {
    return publisher(producer, bound, 20_000);
  }

  private static ReportPublisher publisher(
      MockProducer<String, byte[]> producer, Duration bound, int room) {
    return new ReportPublisher(
        producer,
        JSON,
        "task-reports",
        bound,
        room,
        new SimpleMeterRegistry(),
        TraceContextHeaders.NONE);
  }

  /** A report for {@code regionCode} by the office of its county. */
  private static OutgoingEvent filed(String regionCode) {
    return OutgoingEvent.filed(
        new ReportFiled(
            EventTypes.SCHEMA_VERSION,
            UUID.randomUUID(),
            "jx-office-1",
            regionCode,
            "warm-nest",
            "household-helped",
            2,
            5,
            OffsetDateTime.parse("2021-05-14T10:30:00+08:00"),
            "为南湖区两户老人完成适老化改造",
            NOW,
            "clerk-1"),
        regionCode);
  }

  private static OutgoingEvent withdrawn() {
    return OutgoingEvent.of(
        new ReportWithdrawn(
            EventTypes.SCHEMA_VERSION,
            UUID.randomUUID(),
            "jx-office-1",
            "330400",
            "x",
            NOW,
            "clerk-1",
            false));
  }

  private static UniAssertSubscriber<Void> publish(
      ReportPublisher publisher, List<OutgoingEvent> events) {
    return publisher.publishAll(events).subscribe().withSubscriber(UniAssertSubscriber.create());
  }

  @Test
  void writesEachEventAsJsonUnderItsProvinceWithItsTypeHeader() throws Exception {
    MockProducer<String, byte[]> producer = producer(true);
    List<OutgoingEvent> events = List.of(filed("330402"), filed("110105"), withdrawn());

    publish(publisher(producer, Duration.ofSeconds(5)), events).awaitItem();

    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent).hasSize(3);
    assertThat(sent).extracting(ProducerRecord::topic).containsOnly("task-reports");
    assertThat(sent).extracting(ProducerRecord::key).containsExactly("3304", "1101", "3304");
    assertThat(sent)
        .extracting(
            r ->
                new String(
                    r.headers().lastHeader(EventHeaders.TYPE).value(), StandardCharsets.UTF_8))
        .containsExactly("report-filed", "report-filed", "report-withdrawn");
    for (int i = 0; i < events.size(); i++) {
      assertThat(sent.get(i).value()).isEqualTo(JSON.writeValueAsBytes(events.get(i).body()));
    }
  }

  @Test
  void writesTimestampsAsIsoTextExactlyAsJacksonDoes() throws Exception {
    ObjectMapper iso =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    MockProducer<String, byte[]> producer = producer(true);
    List<OutgoingEvent> events = List.of(filed("330402"), withdrawn());

    publish(
            new ReportPublisher(
                producer,
                iso,
                "task-reports",
                Duration.ofSeconds(5),
                10,
                new SimpleMeterRegistry(),
                TraceContextHeaders.NONE),
            events)
        .awaitItem();

    for (int i = 0; i < events.size(); i++) {
      assertThat(producer.history().get(i).value())
          .isEqualTo(iso.writeValueAsBytes(events.get(i).body()));
    }
    assertThat(new String(producer.history().get(0).value(), StandardCharsets.UTF_8))
        .contains("\"completedAt\":\"2021-05-14T10:30:00+08:00\"")
        .contains("\"receivedAt\":\"2021-05-14T02:31:07.250Z\"");
  }

  @Test
  void writesTimestampsAsTextEvenWhereTheApplicationsMapperWritesNumbers() throws Exception {
    MockProducer<String, byte[]> producer = producer(true);
    List<OutgoingEvent> events = List.of(filed("330402"), withdrawn());

    publish(
            new ReportPublisher(
                producer,
                new ObjectMapper().findAndRegisterModules(),
                "task-reports",
                Duration.ofSeconds(5),
                10,
                new SimpleMeterRegistry(),
                TraceContextHeaders.NONE),
            events)
        .awaitItem();

    for (int i = 0; i < events.size(); i++) {
      assertThat(producer.history().get(i).value())
          .isEqualTo(JSON.writeValueAsBytes(events.get(i).body()));
    }
  }

  @Test
  void completesOnlyOnceKafkaHasAcknowledgedEveryRecord() {
    MockProducer<String, byte[]> producer = producer(false);
    UniAssertSubscriber<Void> outcome =
        publish(publisher(producer, Duration.ofSeconds(30)), List.of(filed("330402"), withdrawn()));
    await().until(() -> producer.history().size() == 2);

    producer.completeNext();
    outcome.assertNotTerminated();
    producer.completeNext();
    outcome.awaitItem();
  }

  @Test
  void failsOnTheFirstRecordKafkaRefuses() {
    MockProducer<String, byte[]> producer = producer(false);
    UniAssertSubscriber<Void> outcome =
        publish(
            publisher(producer, Duration.ofSeconds(30)),
            List.of(filed("330402"), filed("330402"), filed("330402")));
    await().until(() -> producer.history().size() == 3);

    producer.completeNext();
    producer.errorNext(new NotEnoughReplicasException("one replica in sync"));

    outcome.awaitFailure();
    assertThat(outcome.getFailure())
        .isInstanceOf(PublishFailedException.class)
        .hasCauseInstanceOf(NotEnoughReplicasException.class);
  }

  @Test
  void failsWhenKafkaDoesNotAnswerWithinTheBound() {
    MockProducer<String, byte[]> producer = producer(false);
    UniAssertSubscriber<Void> outcome =
        publish(publisher(producer, Duration.ofMillis(200)), List.of(filed("330402")));

    outcome.awaitFailure(Duration.ofSeconds(5));
    assertThat(outcome.getFailure()).isInstanceOf(PublishFailedException.class);
  }

  @Test
  void failsWhenTheProducerRefusesARecordOutright() {
    MockProducer<String, byte[]> producer = producer(true);
    producer.close();

    UniAssertSubscriber<Void> outcome =
        publish(publisher(producer, Duration.ofSeconds(5)), List.of(filed("330402")));

    outcome.awaitFailure();
    assertThat(outcome.getFailure())
        .isInstanceOf(PublishFailedException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void handsNothingMoreToKafkaOnceARecordFailed() {
    AtomicInteger attempts = new AtomicInteger();
    // As KafkaProducer does when the topic's partitions cannot be learnt within max.block.ms.
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized Future<RecordMetadata> send(
              ProducerRecord<String, byte[]> record, Callback callback) {
            attempts.incrementAndGet();
            TimeoutException failure = new TimeoutException("no metadata");
            callback.onCompletion(null, failure);
            return CompletableFuture.failedFuture(failure);
          }
        };

    UniAssertSubscriber<Void> outcome =
        publish(
            publisher(producer, Duration.ofSeconds(5)),
            List.of(filed("330402"), filed("330402"), filed("330402")));

    outcome.awaitFailure();
    assertThat(outcome.getFailure()).hasCauseInstanceOf(TimeoutException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void sendsNothingUntilSubscribed() {
    MockProducer<String, byte[]> producer = producer(true);
    publisher(producer, Duration.ofSeconds(5)).publishAll(List.of(filed("330402")));

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> producer.history().isEmpty());
  }

  @Test
  void refusesAtOnceWhileTheProducerHoldsAsManyRecordsAsItMayAndTakesMoreOnceAcknowledged() {
    MockProducer<String, byte[]> producer = producer(false);
    ReportPublisher publisher = publisher(producer, Duration.ofSeconds(30), 3);
    UniAssertSubscriber<Void> first = publish(publisher, List.of(filed("330402"), filed("330402")));
    await().until(() -> producer.history().size() == 2);

    UniAssertSubscriber<Void> refused =
        publish(publisher, List.of(filed("330402"), filed("330402")));
    refused.awaitFailure(Duration.ofSeconds(1));
    assertThat(refused.getFailure())
        .isInstanceOf(PublishFailedException.class)
        .hasRootCauseMessage("the producer has no room for more records");
    assertThat(producer.history()).hasSize(2);

    producer.completeNext();
    producer.completeNext();
    first.awaitItem();
    UniAssertSubscriber<Void> taken = publish(publisher, List.of(filed("330402"), withdrawn()));
    await().until(() -> producer.history().size() == 4);
    producer.completeNext();
    producer.completeNext();
    taken.awaitItem();
  }

  @Test
  void recordsThatFailedOrWereNeverSentGiveTheirRoomBack() {
    AtomicInteger attempts = new AtomicInteger();
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized Future<RecordMetadata> send(
              ProducerRecord<String, byte[]> record, Callback callback) {
            if (attempts.incrementAndGet() <= 1) {
              TimeoutException failure = new TimeoutException("no metadata");
              callback.onCompletion(null, failure);
              return CompletableFuture.failedFuture(failure);
            }
            return super.send(record, callback);
          }
        };
    ReportPublisher publisher = publisher(producer, Duration.ofSeconds(5), 3);
    publish(publisher, List.of(filed("330402"), filed("330402"), filed("330402"))).awaitFailure();

    publish(publisher, List.of(filed("330402"), filed("330402"), filed("330402"))).awaitItem();
  }
}
