package cn.shishi.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ReportProducerReadinessTest {
  private final MockProducer<String, byte[]> producer = new MockProducer<>();
  private final ReportProducerReadiness readiness = new ReportProducerReadiness(producer);

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
  void isReadyWhileTheProducerHoldsAConnection() {
    connections(1);
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void isNotReadyWithoutAConnection() {
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    connections(0);
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
  }
}
