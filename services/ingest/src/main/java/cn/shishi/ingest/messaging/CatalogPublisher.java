package cn.shishi.ingest.messaging;

import cn.shishi.catalog.CatalogChange;
import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.ingest.config.IngestConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes catalogue changes to the compacted {@code shishi-catalog} topic, which every instance of
 * both services reads (docs/adr/0003). The change also applies here at once, so the admin's next
 * request already sees it.
 */
@ApplicationScoped
public class CatalogPublisher {
  private final MutinyEmitter<String> emitter;
  private final ObjectMapper json;
  private final CatalogRegistry registry;
  private final IngestConfig config;
  private final java.time.Clock clock;

  public CatalogPublisher(
      @Channel("catalog-changes") MutinyEmitter<String> emitter,
      ObjectMapper json,
      CatalogRegistry registry,
      IngestConfig config,
      java.time.Clock clock) {
    this.emitter = emitter;
    this.json = json;
    this.registry = registry;
    this.config = config;
    this.clock = clock;
  }

  /** Publishes {@code entry} as {@code admin}'s change, made now: every instance records it. */
  public Uni<Void> publish(CatalogKind kind, CatalogEntry entry, String admin) {
    CatalogChange change = CatalogChange.of(kind, entry, admin, clock.instant());
    String value;
    try {
      value = json.writeValueAsString(change);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(change.key()).build();
    return emitter
        .sendMessage(Message.of(value).addMetadata(metadata))
        .ifNoItem()
        .after(config.publishTimeout())
        .fail()
        .onFailure()
        .transform(cause -> new PublishFailedException("Kafka did not acknowledge", cause))
        .invoke(() -> registry.apply(change));
  }
}
