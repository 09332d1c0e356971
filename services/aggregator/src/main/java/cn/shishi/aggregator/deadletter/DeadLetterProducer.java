package cn.shishi.aggregator.deadletter;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.contract.partition.AssignmentPartitioner;
import cn.shishi.web.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The aggregator's Kafka producers, writing bytes as they were kept: one for dead letters to their
 * topic ({@code shishi.aggregator.dead-letter-producer.*}), and one that re-drives records back to
 * {@code task-reports} ({@link Redrives}: the same settings, then {@code
 * shishi.aggregator.redrive-producer.*} over them). The second writes reports, so on a broker with
 * ACLs it logs in as a principal of its own (docs/security.md).
 */
@ApplicationScoped
public class DeadLetterProducer {

  @Produces
  @Singleton
  Producer<byte[], byte[]> deadLetters(
      AggregatorConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      Event<Producer<?, ?>> created) {
    return create(settings(config, kafka), created);
  }

  @Produces
  @Singleton
  @Redrives
  Producer<byte[], byte[]> redrives(
      AggregatorConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      Event<Producer<?, ?>> created) {
    Map<String, Object> settings = settings(config, kafka);
    settings.putAll(config.redriveProducer());
    // A re-driven record goes where the ingest sends its key (docs/adr/0012).
    settings.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, AssignmentPartitioner.class.getName());
    config.redriveLogin().ifPresent(login -> settings.put("sasl.jaas.config", login));
    return create(settings, created);
  }

  private static Map<String, Object> settings(AggregatorConfig config, Map<String, Object> kafka) {
    Map<String, Object> settings = KafkaConnection.securitySettings(kafka);
    settings.putAll(config.deadLetterProducer());
    return settings;
  }

  private static Producer<byte[], byte[]> create(
      Map<String, Object> settings, Event<Producer<?, ?>> created) {
    Producer<byte[], byte[]> producer =
        new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    // Quarkus binds the Kafka client metrics of every producer announced this way.
    created.fire(producer);
    return producer;
  }

  void close(@Disposes Producer<byte[], byte[]> producer) {
    producer.close(Duration.ofSeconds(5));
  }

  void closeRedrives(@Disposes @Redrives Producer<byte[], byte[]> producer) {
    producer.close(Duration.ofSeconds(5));
  }
}
