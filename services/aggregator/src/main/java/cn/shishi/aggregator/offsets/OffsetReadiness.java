package cn.shishi.aggregator.offsets;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a partition is held by an open offset anomaly: the instance cannot do all of its
 * job, and whoever looks at health should see why (docs/operations.md, ShishiOffsetAnomaly).
 */
@Readiness
@ApplicationScoped
public class OffsetReadiness implements HealthCheck {
  private final OffsetGauges gauges;

  public OffsetReadiness(OffsetGauges gauges) {
    this.gauges = gauges;
  }

  @Override
  public HealthCheckResponse call() {
    List<OffsetAnomaly> open = gauges.open();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("task-reports offsets").status(open.isEmpty());
    open.forEach(
        anomaly ->
            response.withData(
                "partition " + anomaly.partition(),
                anomaly.kind().code() + " (anomaly " + anomaly.id() + ")"));
    return response.build();
  }
}
