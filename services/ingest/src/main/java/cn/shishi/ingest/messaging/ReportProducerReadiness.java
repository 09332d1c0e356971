package cn.shishi.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the reports' producer holds a connection to a broker: without one every report would
 * wait for the publish bound and get a 503. The producer refreshes its metadata every few minutes,
 * so an idle but healthy instance keeps its connection.
 */
@Readiness
@ApplicationScoped
public class ReportProducerReadiness implements HealthCheck {
  private final Producer<String, byte[]> producer;

  public ReportProducerReadiness(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  @Override
  public HealthCheckResponse call() {
    double connections =
        producer.metrics().entrySet().stream()
            .filter(
                metric ->
                    metric.getKey().name().equals("connection-count")
                        && metric.getKey().group().equals("producer-metrics"))
            .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
            .sum();
    return HealthCheckResponse.named("task-reports producer")
        .status(connections >= 1)
        .withData("connections", (long) connections)
        .build();
  }
}
