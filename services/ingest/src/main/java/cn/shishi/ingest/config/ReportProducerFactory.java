package cn.shishi.ingest.config;

import cn.shishi.contract.partition.AssignmentPartitioner;
import cn.shishi.web.KafkaConnection;
import cn.shishi.web.NativeLz4;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The one Kafka producer of the reports' topic, configured by {@code shishi.ingest.producer.*}.
 * Created at startup, so that readiness reflects its connection before the first report arrives.
 */
@ApplicationScoped
public class ReportProducerFactory {
  private static final Logger LOG = Logger.getLogger(ReportProducerFactory.class);

  @Produces
  @Singleton
  @Startup
  Producer<String, byte[]> reportProducer(
      IngestConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      Event<Producer<?, ?>> created) {
    Map<String, Object> settings = KafkaConnection.securitySettings(kafka);
    settings.putAll(config.producer());
    // Where a key goes is the contract's (docs/adr/0012), never a setting to override.
    settings.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, AssignmentPartitioner.class.getName());
    LOG.infof("lz4 compression: %s", NativeLz4.load());
    Producer<String, byte[]> producer =
        new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    // Quarkus binds the Kafka client metrics of every producer announced this way.
    created.fire(producer);
    return producer;
  }

  /** Gives records still in flight until the publish bound to be acknowledged. */
  void close(@Disposes Producer<String, byte[]> producer, IngestConfig config) {
    producer.close(config.publishTimeout());
  }
}
