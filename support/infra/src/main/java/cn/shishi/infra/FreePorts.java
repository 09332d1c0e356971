package cn.shishi.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds loopback ports that nothing listens on, so parallel test runs do not collide.
 *
 * <p>Ports are drawn below the kernel's ephemeral range. A port the kernel picked from that range
 * (by binding port 0) is the kind it hands to outgoing connections too: between the choice and the
 * service's bind, a connection to Kafka or PostgreSQL could take it, and the service would fail
 * with "Address already in use" (FaultSuiteIT, 2026-12-04, a restarted aggregator's management port
 * 41551). Ports already handed out in this JVM are never handed out twice: a service given one port
 * for HTTP and the same one for management would share it between both routers.
 */
public final class FreePorts {
  private static final int ATTEMPTS = 1_000;
  private static final int WIDTH = 16_384;
  private static final int LOWEST = 1_024;
  private static final int LINUX_DEFAULT_LOW = 32_768;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int EPHEMERAL_LOW = ephemeralLow();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  public static synchronized int next() {
    int from = Math.max(LOWEST, EPHEMERAL_LOW - WIDTH);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(from, EPHEMERAL_LOW);
      if (!HANDED_OUT.contains(port) && isFree(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException(
        "no free loopback port below " + EPHEMERAL_LOW + " that was not handed out already");
  }

  /**
   * The lowest port of the kernel's ephemeral range; Linux's default where it cannot be read. Read
   * by lines: {@code Files.readString} trusts the size procfs reports and returned only "3".
   */
  static int ephemeralLow() {
    try {
      int low =
          Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
      return low > LOWEST + WIDTH / 4 ? low : LINUX_DEFAULT_LOW;
    } catch (IOException | RuntimeException e) {
      return LINUX_DEFAULT_LOW;
    }
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
