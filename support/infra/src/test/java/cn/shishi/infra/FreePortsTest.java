package cn.shishi.infra;

import static org.assertj.core.api.Assertions.assertThat;

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
  void handsOutNoPortTheKernelCouldGiveAnOutgoingConnection() {
    int[] ports = IntStream.range(0, 500).map(i -> FreePorts.next()).toArray();

    assertThat(FreePorts.ephemeralLow()).isGreaterThan(1_024);
    assertThat(IntStream.of(ports).boxed())
        .allMatch(port -> port >= 1_024 && port < FreePorts.ephemeralLow());
  }
}
