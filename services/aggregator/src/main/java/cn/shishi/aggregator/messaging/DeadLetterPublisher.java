package cn.shishi.aggregator.messaging;

import cn.shishi.aggregator.domain.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Copies records that cannot be applied to {@code task-reports-dlq}, unchanged, with why in
 * headers, and waits for Kafka's acknowledgement before their offsets may advance.
 */
@ApplicationScoped
public class DeadLetterPublisher {
  static final String REASON = "shishi-dlq-reason";
  static final String DETAIL = "shishi-dlq-detail";
  static final String ORIGIN = "shishi-dlq-origin";

  private final MutinyEmitter<String> emitter;

  public DeadLetterPublisher(
      @Channel("task-reports-dlq")
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<String> emitter) {
    this.emitter = emitter;
  }

  // Partition groups of a poll publish from several threads; dead letters are rare, so the
  // emitter is simply used by one of them at a time.
  public synchronized void publish(
      List<DeadLetter> letters,
      Map<Long, ConsumerRecord<String, String>> records,
      Duration timeout) {
    if (letters.isEmpty()) {
      return;
    }
    List<Uni<Void>> sends =
        letters.stream().map(letter -> send(letter, records.get(key(letter)))).toList();
    Uni.join().all(sends).andFailFast().await().atMost(timeout);
  }

  static long key(DeadLetter letter) {
    return key(letter.position().partition(), letter.position().offset());
  }

  static long key(int partition, long offset) {
    return ((long) partition << 48) | offset;
  }

  private Uni<Void> send(DeadLetter letter, ConsumerRecord<String, String> record) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      headers.add(header);
    }
    headers.add(REASON, utf8(letter.reason()));
    headers.add(DETAIL, utf8(String.valueOf(letter.detail())));
    headers.add(ORIGIN, utf8(record.topic() + "/" + record.partition() + "/" + record.offset()));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(record.key())
            .withHeaders(headers)
            .build();
    return emitter.sendMessage(Message.of(record.value()).addMetadata(metadata));
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
