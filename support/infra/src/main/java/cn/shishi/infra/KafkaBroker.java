package cn.shishi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One Apache Kafka broker in KRaft combined mode (broker and controller in one node), running in a
 * JVM of its own from the jars that the {@code support/kafka-broker} module copies.
 *
 * <p>{@link #secured} starts it as production should run: clients authenticate with SASL/SCRAM, the
 * standard authorizer allows only what ACLs grant, and {@code admin} is the one super user (the
 * controller listener authenticates with SASL/PLAIN, since SCRAM's credentials live in the metadata
 * the controller serves).
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final Path home;
  private final int port;
  private final int controllerPort;
  private final Path libs;
  private final List<KafkaUser> users;
  private Process process;

  public KafkaBroker(Path home, int port, int controllerPort, Path libs) {
    this(home, port, controllerPort, libs, List.of());
  }

  private KafkaBroker(Path home, int port, int controllerPort, Path libs, List<KafkaUser> users) {
    this.home = home;
    this.port = port;
    this.controllerPort = controllerPort;
    this.libs = libs;
    this.users = List.copyOf(users);
  }

  /**
   * A broker that requires SASL/SCRAM and ACLs; {@code users} are created with it, and the first is
   * the super user the broker itself and the provisioning use.
   */
  public static KafkaBroker secured(
      Path home, int port, int controllerPort, Path libs, List<KafkaUser> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a secured broker needs its admin user");
    }
    return new KafkaBroker(home, port, controllerPort, libs, users);
  }

  /** The super user of a secured broker. */
  public Optional<KafkaUser> admin() {
    return users.stream().findFirst();
  }

  /** What an administrative client needs to connect: the address, and the admin's login. */
  public Map<String, Object> adminSettings() {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    admin().ifPresent(admin -> settings.putAll(admin.clientSettings()));
    return settings;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public void start() {
    requireLibs();
    try {
      Files.createDirectories(home);
      Path config = writeConfig();
      Path logConfig = writeLogConfig();
      if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
        format(config, logConfig);
      }
      process =
          java(logConfig, BrokerMain.class.getName(), config.toString())
              .redirectOutput(home.resolve("broker.out").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Kafka broker in " + home, e);
    }
    awaitReady();
  }

  private void requireLibs() {
    if (!Files.isDirectory(libs)
        || !Files.exists(libs.resolve("kafka_2.13-" + kafkaVersion() + ".jar"))) {
      throw new IllegalStateException(
          "Kafka broker jars not found in "
              + libs
              + ": build them with 'mvn -pl support/kafka-broker generate-resources'");
    }
  }

  private static String kafkaVersion() {
    return org.apache.kafka.common.utils.AppInfoParser.getVersion();
  }

  private Path writeConfig() throws IOException {
    Properties props = new Properties();
    props.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("log.dirs", home.resolve("data").toString()),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "12"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // Topics are provisioned explicitly with their partition counts; a typo in a topic
            // name must fail rather than create a one-partition topic.
            Map.entry("auto.create.topics.enable", "false")));
    admin().ifPresent(admin -> props.putAll(securedListeners(admin)));
    Path file = home.resolve("server.properties");
    try (var out = Files.newBufferedWriter(file)) {
      props.store(out, "written by shishi-infra");
    }
    return file;
  }

  /** SASL on both listeners, SCRAM for clients, the standard authorizer, one super user. */
  private Map<String, String> securedListeners(KafkaUser admin) {
    String controllerLogin =
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\""
            + " password=\""
            + admin.password()
            + "\" user_controller=\""
            + admin.password()
            + "\";";
    return Map.ofEntries(
        Map.entry(
            "listeners",
            "CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
        Map.entry("advertised.listeners", "CLIENT://127.0.0.1:" + port),
        Map.entry(
            "listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
        Map.entry("inter.broker.listener.name", "CLIENT"),
        Map.entry("sasl.mechanism.inter.broker.protocol", KafkaUser.MECHANISM),
        Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
        Map.entry("listener.name.client.sasl.enabled.mechanisms", KafkaUser.MECHANISM),
        Map.entry("listener.name.client.scram-sha-512.sasl.jaas.config", admin.jaasConfig()),
        Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
        Map.entry("listener.name.controller.plain.sasl.jaas.config", controllerLogin),
        Map.entry(
            "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
        Map.entry("super.users", "User:" + admin.name() + ";User:controller"),
        Map.entry("allow.everyone.if.no.acl.found", "false"));
  }

  private Path writeLogConfig() throws IOException {
    Path file = home.resolve("log4j2.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + home.resolve("broker.log"),
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = file",
            "logger.kafka.name = org.apache.kafka",
            "logger.kafka.level = WARN",
            "logger.server.name = kafka.server.KafkaRaftServer",
            "logger.server.level = INFO",
            ""));
    return file;
  }

  private void format(Path config, Path logConfig) throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "format",
                "--standalone",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toString()));
    // SCRAM credentials are metadata: the users exist from the first start.
    for (KafkaUser user : users) {
      arguments.add("--add-scram");
      arguments.add(user.scramArgument());
    }
    Process formatter =
        java(logConfig, "kafka.tools.StorageTool", arguments.toArray(String[]::new))
            .redirectOutput(home.resolve("format.out").toFile())
            .start();
    try {
      if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
        formatter.destroyForcibly();
        throw new IllegalStateException(
            "formatting Kafka storage failed; see " + home.resolve("format.out"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting Kafka storage", e);
    }
  }

  private ProcessBuilder java(Path logConfig, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms256m");
    command.add("-Xmx768m");
    command.add("-XX:+UseG1GC");
    command.add("-Dlog4j2.configurationFile=" + logConfig);
    command.add("-cp");
    command.add(libs + "/*" + java.io.File.pathSeparator + ownJar());
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  private static String ownJar() {
    try {
      return Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    // Wait for the port first: an Admin client polling a closed port floods the log.
    while (!listening() && Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Kafka broker exited with " + process.exitValue() + "; see " + home);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    Properties props = new Properties();
    props.putAll(adminSettings());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    try (Admin admin = Admin.create(props)) {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the Kafka broker exited with " + process.exitValue() + "; see " + home);
        }
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          // The broker is still starting; ask again.
        }
      }
    }
    close();
    throw new IllegalStateException("the Kafka broker was not ready within " + READY_TIMEOUT);
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Kills the broker without warning (SIGKILL), as a crash or the OOM killer would: no controlled
   * shutdown, the log recovered at the next start.
   */
  public void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the Kafka broker did not die within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Whether the broker's process is running. */
  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Stops the broker gracefully, and forcibly if it does not stop in time. */
  @Override
  public void close() {
    Processes.stop(process, Duration.ofSeconds(30));
  }
}
