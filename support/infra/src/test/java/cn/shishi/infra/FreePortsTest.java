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
}
