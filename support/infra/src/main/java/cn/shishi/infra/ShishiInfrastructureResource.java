package cn.shishi.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka and PostgreSQL. One set serves the whole test JVM:
 * Quarkus restarts the application per test profile, and restarting the broker each time would cost
 * seconds for nothing, so the set is stopped when the JVM exits.
 */
public class ShishiInfrastructureResource implements QuarkusTestResourceLifecycleManager {
  private static Infrastructure shared;

  @Override
  public Map<String, String> start() {
    return infrastructure().quarkusConfig();
  }

  /** The test JVM's infrastructure, started on first use. */
  public static synchronized Infrastructure infrastructure() {
    if (shared == null) {
      Path home =
          Path.of("target", "shishi-infra-" + ProcessHandle.current().pid()).toAbsolutePath();
      shared = Infrastructure.start(InfraSettings.forTests(home, InfraSettings::lookup));
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "shishi-infra-stop"));
    }
    return shared;
  }

  @Override
  public void stop() {
    // Stopped by the JVM shutdown hook; see the class comment.
  }
}
