package cn.shishi.infra;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What to start and where. Every value can come from the environment, so that the same launcher
 * points the tests and the local run at an external Kafka or PostgreSQL:
 *
 * <ul>
 *   <li>{@code SHISHI_KAFKA_BOOTSTRAP_SERVERS}: use this Kafka instead of starting a broker;
 *   <li>{@code SHISHI_DB_URL}, {@code SHISHI_DB_USER}, {@code SHISHI_DB_PASSWORD}: use this
 *       PostgreSQL instead of the embedded one;
 *   <li>{@code SHISHI_KAFKA_PORT}, {@code SHISHI_KAFKA_CONTROLLER_PORT}, {@code
 *       SHISHI_POSTGRES_PORT}: the local run's ports (tests always take free ones);
 *   <li>{@code SHISHI_POSTGRES_SHARED_BUFFERS}: the local run's PostgreSQL {@code shared_buffers}
 *       (default 1GB; PostgreSQL touches the memory only as it fills it);
 *   <li>{@code SHISHI_REPORT_PARTITIONS}: partitions of {@code task-reports} (default 12);
 *   <li>{@code SHISHI_KAFKA_LIBS}: the broker's jars (default: the kafka-broker module's output).
 * </ul>
 */
public record InfraSettings(
    Path home,
    boolean keepData,
    int kafkaPort,
    int controllerPort,
    int postgresPort,
    Path kafkaLibs,
    Optional<String> externalKafka,
    Optional<DatabaseEndpoint> externalDatabase,
    int reportPartitions) {

  /** Fixed, well-known ports and data kept between runs: for {@code bin/shishi up}. */
  public static InfraSettings forLocalRun(Path home, UnaryOperator<String> env) {
    return new InfraSettings(
        home,
        true,
        intOr(env, "SHISHI_KAFKA_PORT", 9092),
        intOr(env, "SHISHI_KAFKA_CONTROLLER_PORT", 9093),
        intOr(env, "SHISHI_POSTGRES_PORT", 15432),
        kafkaLibs(env),
        Optional.ofNullable(env.apply("SHISHI_KAFKA_BOOTSTRAP_SERVERS")),
        externalDatabase(env),
        intOr(env, "SHISHI_REPORT_PARTITIONS", 12));
  }

  /** Free loopback ports and throw-away data: for a test JVM. */
  public static InfraSettings forTests(Path home, UnaryOperator<String> env) {
    return new InfraSettings(
        home,
        false,
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        kafkaLibs(env),
        Optional.ofNullable(env.apply("SHISHI_KAFKA_BOOTSTRAP_SERVERS")),
        externalDatabase(env),
        intOr(env, "SHISHI_REPORT_PARTITIONS", 12));
  }

  /** Environment variables first, then system properties of the same name in lower-dot case. */
  public static String lookup(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name.toLowerCase().replace('_', '.'));
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static Path kafkaLibs(UnaryOperator<String> env) {
    String libs = env.apply("SHISHI_KAFKA_LIBS");
    if (libs != null) {
      return Path.of(libs);
    }
    String root = env.apply("SHISHI_ROOT");
    return Path.of(root == null ? "." : root, "support", "kafka-broker", "target", "kafka-libs")
        .toAbsolutePath()
        .normalize();
  }

  private static Optional<DatabaseEndpoint> externalDatabase(UnaryOperator<String> env) {
    return Optional.ofNullable(env.apply("SHISHI_DB_URL"))
        .map(
            url ->
                new DatabaseEndpoint(
                    url,
                    Optional.ofNullable(env.apply("SHISHI_DB_USER")).orElse("postgres"),
                    Optional.ofNullable(env.apply("SHISHI_DB_PASSWORD")).orElse("")));
  }

  private static int intOr(UnaryOperator<String> env, String name, int fallback) {
    String value = env.apply(name);
    return value == null ? fallback : Integer.parseInt(value.trim());
  }
}
