package cn.shishi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A running Kafka and PostgreSQL, started (or found external) from {@link InfraSettings}. */
public final class Infrastructure implements AutoCloseable {
  private final Optional<KafkaBroker> broker;
  private final Optional<EmbeddedDatabase> embeddedDatabase;
  private final String bootstrapServers;
  private final DatabaseEndpoint database;
  private final int reportPartitions;

  private Infrastructure(
      Optional<KafkaBroker> broker,
      Optional<EmbeddedDatabase> embeddedDatabase,
      String bootstrapServers,
      DatabaseEndpoint database,
      int reportPartitions) {
    this.broker = broker;
    this.embeddedDatabase = embeddedDatabase;
    this.bootstrapServers = bootstrapServers;
    this.database = database;
    this.reportPartitions = reportPartitions;
  }

  public static Infrastructure start(InfraSettings settings) {
    if (!settings.keepData()) {
      deleteRecursively(settings.home());
    }
    Optional<KafkaBroker> broker =
        settings.externalKafka().isPresent()
            ? Optional.empty()
            : Optional.of(
                new KafkaBroker(
                    settings.home().resolve("kafka"),
                    settings.kafkaPort(),
                    settings.controllerPort(),
                    settings.kafkaLibs()));
    Optional<EmbeddedDatabase> embedded = Optional.empty();
    try {
      broker.ifPresent(KafkaBroker::start);
      if (settings.externalDatabase().isEmpty()) {
        embedded =
            Optional.of(
                EmbeddedDatabase.start(
                    settings.home().resolve("postgres"),
                    settings.postgresPort(),
                    settings.keepData()));
      }
      String bootstrap =
          settings.externalKafka().orElseGet(() -> broker.orElseThrow().bootstrapServers());
      TopicProvisioner.provision(bootstrap, settings.reportPartitions());
      DatabaseEndpoint database =
          embedded.map(EmbeddedDatabase::endpoint).or(settings::externalDatabase).orElseThrow();
      return new Infrastructure(broker, embedded, bootstrap, database, settings.reportPartitions());
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedDatabase::close);
      broker.ifPresent(KafkaBroker::close);
      throw e;
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }

  /** The partitions of {@code task-reports}, as provisioned. */
  public int reportPartitions() {
    return reportPartitions;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public DatabaseEndpoint database() {
    return database;
  }

  /** The broker this infrastructure started, for tests that stop and start it. */
  public Optional<KafkaBroker> broker() {
    return broker;
  }

  /** The PostgreSQL this infrastructure started, for tests that crash and restart it. */
  public Optional<EmbeddedDatabase> embeddedDatabase() {
    return embeddedDatabase;
  }

  public Optional<Long> brokerPid() {
    return broker.map(KafkaBroker::pid);
  }

  /** The configuration a Quarkus service needs, as configuration properties. */
  public Map<String, String> quarkusConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", bootstrapServers);
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", database.user());
    config.put("quarkus.datasource.password", database.password());
    return config;
  }

  /**
   * The same configuration as environment variables, for a service started as a process (the local
   * run, the system tests): the {@code local} profile, a local trial that trusts the published
   * development key, which production refuses (docs/security.md).
   */
  public Map<String, String> serviceEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    quarkusConfig()
        .forEach(
            (key, value) -> env.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
    env.put("QUARKUS_PROFILE", "local");
    return env;
  }

  @Override
  public void close() {
    embeddedDatabase.ifPresent(EmbeddedDatabase::close);
    broker.ifPresent(KafkaBroker::close);
  }
}
