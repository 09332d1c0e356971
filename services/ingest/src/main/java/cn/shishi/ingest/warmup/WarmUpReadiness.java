package cn.shishi.ingest.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the {@link WarmUp} is over: no office should pay for a cold start. */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {
  private final WarmUp warmUp;

  public WarmUpReadiness(WarmUp warmUp) {
    this.warmUp = warmUp;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("warm-up").status(warmUp.done()).build();
  }
}
