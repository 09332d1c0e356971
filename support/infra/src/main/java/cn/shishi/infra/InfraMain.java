package cn.shishi.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code bin/shishi}'s supervisor of the local infrastructure: starts Kafka and PostgreSQL, writes
 * the services' environment to {@code <home>/infra.env}, and keeps them running until it is
 * terminated, when it stops both cleanly.
 *
 * <p>Usage: {@code InfraMain <home>}
 */
public final class InfraMain {
  private InfraMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: InfraMain <home>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(home);
    Infrastructure infrastructure =
        Infrastructure.start(InfraSettings.forLocalRun(home, InfraSettings::lookup));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  infrastructure.close();
                  stopped.countDown();
                },
                "infra-shutdown"));
    writeEnvironment(home, infrastructure);
    System.out.println("infrastructure ready: " + infrastructure.serviceEnvironment());
    stopped.await();
  }

  private static void writeEnvironment(Path home, Infrastructure infrastructure)
      throws IOException {
    Map<String, String> env = new java.util.LinkedHashMap<>(infrastructure.serviceEnvironment());
    infrastructure.brokerPid().ifPresent(pid -> env.put("SHISHI_BROKER_PID", pid.toString()));
    String lines =
        env.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    Path temp = home.resolve("infra.env.tmp");
    Files.writeString(temp, lines);
    Files.move(
        temp,
        home.resolve("infra.env"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
