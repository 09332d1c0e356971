package cn.shishi.aggregator.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the {@link ReadWarmUp} is over: no dashboard should pay for a cold start. */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {
  private final ReadWarmUp warmUp;

  public WarmUpReadiness(ReadWarmUp warmUp) {
    this.warmUp = warmUp;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("warm-up")
        .status(warmUp.done())
        .withData("questions answered", warmUp.answered())
        .build();
  }
}
