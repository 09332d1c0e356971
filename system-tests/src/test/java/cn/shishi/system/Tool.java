package cn.shishi.system;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An operator's command-line tool (promtool, prometheus, docker-compose) that CI installs from
 * Debian packages. A missing tool fails the test: skipping would let CI pass without checking.
 */
record Tool(String name, String debianPackage) {
  static final Tool PROMETHEUS = new Tool("prometheus", "prometheus");
  static final Tool PROMTOOL = new Tool("promtool", "prometheus");
  static final Tool DOCKER_COMPOSE = new Tool("docker-compose", "docker-compose");

  /** The executable on the PATH (or in /usr/bin), or a failed test saying how to install it. */
  Path executable() {
    List<Path> candidates = new ArrayList<>();
    String pathVariable = System.getenv("PATH");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    candidates.add(Path.of("/usr/bin", name));
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElseGet(
            () ->
                fail(
                    "%s is not installed: run 'apt-get install -y %s' (.ci/run installs it on CI)",
                    name, debianPackage));
  }

  /** Runs the tool in {@code dir} and returns its exit code and everything it printed. */
  Result run(Path dir, String... arguments) {
    return run(dir, Map.of(), arguments);
  }

  /** As {@link #run(Path, String...)}, with these environment variables added. */
  Result run(Path dir, Map<String, String> environment, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close();
      // Reading to the end also waits for the exit: these tools print little and finish fast.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail("%s did not finish within a minute: %s", name, output);
      }
      return new Result(String.join(" ", command), process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Result(String command, int exitCode, String output) {
    @Override
    public String toString() {
      return "$ " + command + "\n(exit " + exitCode + ")\n" + output;
    }
  }
}
