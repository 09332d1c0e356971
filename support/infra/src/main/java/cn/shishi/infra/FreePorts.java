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
  private static final int MIN_ROOM = 4_096;
  private static final int LOWEST = 1_024;
  private static final int PORTS = 65_536;
  private static final String LINUX_DEFAULT = "32768 60999";
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final Range DRAWN_FROM = drawnFrom(ephemeralRange());
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** Ports {@code from} (inclusive) to {@code to} (exclusive). */
  record Range(int from, int to) {}

  public static synchronized int next() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(DRAWN_FROM.from(), DRAWN_FROM.to());
      if (!HANDED_OUT.contains(port) && isFree(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException(
        "no free loopback port in " + DRAWN_FROM + " that was not handed out already");
  }

  /**
   * Where to draw ports, given the kernel's ephemeral range ("low high"): below it where there is
   * room, else above it; everything above the privileged ports only if neither has room.
   */
  static Range drawnFrom(String ephemeralRange) {
    String[] bounds = ephemeralRange.trim().split("\\s+");
    int low;
    int high;
    try {
      low = Integer.parseInt(bounds[0]);
      high = Integer.parseInt(bounds[1]);
    } catch (RuntimeException e) {
      return drawnFrom(LINUX_DEFAULT);
    }
    if (low - LOWEST >= MIN_ROOM) {
      return new Range(Math.max(LOWEST, low - WIDTH), low);
    }
    if (PORTS - (high + 1) >= MIN_ROOM) {
      return new Range(high + 1, Math.min(PORTS, high + 1 + WIDTH));
    }
    return new Range(LOWEST, PORTS);
  }

  /**
   * The kernel's ephemeral range, Linux's default where it cannot be read. Read by lines: {@code
   * Files.readString} trusts the size procfs reports and returned only "3".
   */
  static String ephemeralRange() {
    try {
      return Files.readAllLines(EPHEMERAL_RANGE).get(0);
    } catch (IOException | RuntimeException e) {
      return LINUX_DEFAULT;
    }
  }

  static Range drawnFrom() {
    return DRAWN_FROM;
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
