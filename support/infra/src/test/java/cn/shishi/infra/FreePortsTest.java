package cn.shishi.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void neverHandsOutAPortTwice() {
    int[] ports = IntStream.range(0, 500).map(i -> FreePorts.next()).toArray();

    assertThat(ports).doesNotHaveDuplicates();
    assertThat(IntStream.of(ports).filter(port -> !FreePorts.isFree(port))).isEmpty();
  }

  @Test
  void drawsBelowTheEphemeralRangeWhereThereIsRoomElseAboveIt() {
    assertThat(FreePorts.drawnFrom("32768\t60999\n"))
        .isEqualTo(new FreePorts.Range(16_384, 32_768));
    assertThat(FreePorts.drawnFrom("1024 40000")).isEqualTo(new FreePorts.Range(40_001, 56_385));
    assertThat(FreePorts.drawnFrom("1024 65000")).isEqualTo(new FreePorts.Range(1_024, 65_536));
    assertThat(FreePorts.drawnFrom("not a range")).isEqualTo(new FreePorts.Range(16_384, 32_768));
  }

  @Test
  void handsOutNoPortTheKernelCouldGiveAnOutgoingConnection() throws Exception {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    if (Files.isReadable(range)) {
      String[] bounds = Files.readAllLines(range).get(0).trim().split("\\s+");
      assertThat(FreePorts.drawnFrom()).isEqualTo(FreePorts.drawnFrom(bounds[0] + " " + bounds[1]));
      int low = Integer.parseInt(bounds[0]);
      int high = Integer.parseInt(bounds[1]);
      assertThat(IntStream.range(0, 500).map(i -> FreePorts.next()).boxed())
          .noneMatch(port -> port >= low && port <= high);
    }
  }
}
