package cn.shishi.aggregator.deadletter;

import cn.shishi.aggregator.config.AggregatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The aggregator's one Kafka producer: dead letters to their topic, re-driven records back to
 * {@code task-reports}, bytes as they were kept ({@code shishi.aggregator.dead-letter-producer.*}).
 */
@ApplicationScoped
public class DeadLetterProducer {

  @Produces
  @Singleton
  Producer<byte[], byte[]> producer(AggregatorConfig config, Event<Producer<?, ?>> created) {
    Map<String, Object> settings = new HashMap<>(config.deadLetterProducer());
    Producer<byte[], byte[]> producer =
        new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    // Quarkus binds the Kafka client metrics of every producer announced this way.
    created.fire(producer);
    return producer;
  }

  void close(@Disposes Producer<byte[], byte[]> producer) {
    producer.close(Duration.ofSeconds(5));
  }
}
