package cn.shishi.system;

import static org.awaitility.Awaitility.await;

import cn.shishi.infra.FreePorts;
import cn.shishi.infra.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged Shishi service running as its own process, the way it runs in production. */
final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final Map<String, String> environment;
  private final int httpPort = FreePorts.next();
  private final int managementPort = FreePorts.next();
  private final Path log;
  private Process process;

  ServiceProcess(String name, Map<String, String> environment) {
    String root = System.getProperty("shishi.root", "..");
    this.name = name;
    this.jar = Path.of(root, "services", name, "target", "quarkus-app", "quarkus-run.jar");
    this.environment = environment;
    this.log = Path.of("target", "system-logs", name + "-" + httpPort + ".log");
  }

  ServiceProcess start() {
    launch();
    try {
      await(name + " ready")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(250))
          .until(this::ready);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException(name + " not ready; its log ends:\n" + tail(), e);
    }
    return this;
  }

  /** Starts the process without waiting for anything. */
  ServiceProcess launch() {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first (mvn verify)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      Files.createDirectories(log.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
    builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    // A test that fails half-way must not leave services running: they would compete for the
    // machine's two cores with every later test, and outlive the build.
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    return this;
  }

  /** Whether the process is still running. */
  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Its exit code, once it has exited. */
  int exitCode() {
    return process.exitValue();
  }

  /** Everything it has logged so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
    }
    return status(managementUrl("/q/health/ready")) == 200;
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + httpPort + path;
  }

  String managementUrl(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }

  /** The status of a GET, or 0 when nothing answers. */
  static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " on port " + httpPort;
  }

  long pid() {
    return process.pid();
  }

  /** Sends a signal by name (STOP, CONT), as an operator's kill command would. */
  void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " failed for " + this.name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills the process without warning (SIGKILL), as a crash or an OOM killer would. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops the process gracefully (SIGTERM), as an orchestrator would. */
  @Override
  public void close() {
    Processes.stop(process, Duration.ofSeconds(30));
  }

  /**
   * Sends SIGTERM and waits up to {@code grace} for the process to exit by itself; how long it
   * took, or empty if it had to be killed, as an orchestrator does once the grace period is over.
   */
  java.util.Optional<Duration> terminate(Duration grace) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return java.util.Optional.of(Duration.ofNanos(System.nanoTime() - start));
    }
    kill();
    return java.util.Optional.empty();
  }
}
