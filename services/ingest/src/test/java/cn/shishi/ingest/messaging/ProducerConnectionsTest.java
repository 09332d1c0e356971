package cn.shishi.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ProducerConnectionsTest {
  private final MockProducer<String, byte[]> producer = new MockProducer<>();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final ProducerConnections readiness = new ProducerConnections(producer, metrics);

  private void connections(double count) {
    MetricName name =
        new MetricName(
            "connection-count", "producer-metrics", "", Map.of("client-id", "shishi-ingest"));
    producer.setMockMetrics(
        name,
        new Metric() {
          @Override
          public MetricName metricName() {
            return name;
          }

          @Override
          public Object metricValue() {
            return count;
          }
        });
  }

  @Test
  void isWellWhileTheProducerHoldsAConnection() {
    connections(1);
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(metrics.get("shishi.ingest.producer.connections").gauge().value()).isEqualTo(1);
  }

  @Test
  void isNotWellWithoutAConnection() {
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    connections(0);
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(metrics.get("shishi.ingest.producer.connections").gauge().value()).isZero();
  }
}
