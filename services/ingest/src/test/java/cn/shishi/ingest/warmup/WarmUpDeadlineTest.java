package cn.shishi.ingest.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.ingest.config.IngestConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A warm-up past its deadline stops where it is, and the instance is ready all the same. */
@QuarkusTest
@TestProfile(WarmUpDeadlineTest.NoTimeToWarm.class)
@WithTestResource(ShishiInfrastructureResource.class)
class WarmUpDeadlineTest {

  public static class NoTimeToWarm implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("shishi.ingest.warm-up-deadline", "0s");
    }
  }

  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @Inject WarmUp warmUp;
  @Inject IngestConfig config;

  @Test
  void aWarmUpCutShortByItsDeadlineLeavesTheInstanceReady() {
    AwaitReady.at(readiness);

    assertThat(warmUp.done()).isTrue();
    assertThat(config.warmUpReports()).as("a warm-up was configured").isPositive();
    assertThat(warmUp.serialised()).as("no report warmed").isZero();
    assertThat(warmUp.refused()).as("no request sent").isZero();
  }
}
