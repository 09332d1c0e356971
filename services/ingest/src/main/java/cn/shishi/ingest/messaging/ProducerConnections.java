package cn.shishi.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * How many broker connections the reports' producer holds: the gauge {@code
 * shishi.ingest.producer.connections}, and a wellness check ({@code /q/health/well}) that is down
 * at 0. Not a readiness check: while Kafka is away the ingest must stay in service and answer 503
 * with Retry-After itself, not vanish behind the load balancer's errors; the alert on the gauge
 * (ShishiIngestKafkaUnavailable) pages even when no office is sending. The producer refreshes its
 * metadata every few minutes, so an idle but healthy instance keeps its connection.
 */
// Created at start, so that the gauge is there before anyone asks for the check.
@Startup
@Wellness
@ApplicationScoped
public class ProducerConnections implements HealthCheck {
  private final Producer<String, byte[]> producer;

  public ProducerConnections(Producer<String, byte[]> producer, MeterRegistry metrics) {
    this.producer = producer;
    metrics.gauge("shishi.ingest.producer.connections", this, ProducerConnections::count);
  }

  @Override
  public HealthCheckResponse call() {
    double connections = count();
    return HealthCheckResponse.named("task-reports producer")
        .status(connections >= 1)
        .withData("connections", (long) connections)
        .build();
  }

  double count() {
    return producer.metrics().entrySet().stream()
        .filter(
            metric ->
                metric.getKey().name().equals("connection-count")
                    && metric.getKey().group().equals("producer-metrics"))
        .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
        .sum();
  }
}
