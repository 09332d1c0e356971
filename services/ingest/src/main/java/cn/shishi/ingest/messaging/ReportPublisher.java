package cn.shishi.ingest.messaging;

import cn.shishi.ingest.config.IngestConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes events to {@code task-reports} and completes only when Kafka has acknowledged them ({@code
 * acks=all}, idempotent producer): an office is told "accepted" only for what is durable.
 */
@ApplicationScoped
public class ReportPublisher {
  public static final String EVENT_TYPE_HEADER = "shishi-event-type";

  private final MutinyEmitter<String> emitter;
  private final ObjectMapper json;
  private final IngestConfig config;

  public ReportPublisher(
      // A batch of up to 1000 reports is handed over at once; the request size bounds the buffer.
      @Channel("task-reports") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
          MutinyEmitter<String> emitter,
      ObjectMapper json,
      IngestConfig config) {
    this.emitter = emitter;
    this.json = json;
    this.config = config;
  }

  /** Publishes every event; completes when all are acknowledged, fails if any is not. */
  public Uni<Void> publishAll(List<OutgoingEvent> events) {
    List<Uni<Void>> sends =
        events.stream()
            .map(event -> send(event.key(), event.type(), serialise(event.body())))
            .toList();
    return Uni.join()
        .all(sends)
        .andFailFast()
        .replaceWithVoid()
        .ifNoItem()
        .after(config.publishTimeout())
        .fail()
        .onFailure()
        .transform(cause -> new PublishFailedException("Kafka did not acknowledge", cause));
  }

  private Uni<Void> send(String key, String type, String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build();
    return emitter.sendMessage(Message.of(value).addMetadata(metadata));
  }

  private String serialise(Object event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
    }
  }
}
