package cn.shishi.aggregator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaugeRowsTest {
  private static final Tags ANHUI = Tags.of("province", "34", "program", "visits");
  private static final Tags HUBEI = Tags.of("province", "42", "program", "visits");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GaugeRows rows = new GaugeRows(MultiGauge.builder("reports").register(registry));

  @Test
  void aKnownRowKeepsItsMeterAndTakesTheNewValue() {
    rows.publish(Map.of(ANHUI, 3L, HUBEI, 5L));
    Gauge anhui = gauge(ANHUI);

    rows.publish(Map.of(ANHUI, 8L, HUBEI, 5L));

    assertThat(gauge(ANHUI)).isSameAs(anhui);
    assertThat(anhui.value()).isEqualTo(8);
    assertThat(gauge(HUBEI).value()).isEqualTo(5);
  }

  @Test
  void aRowNoLongerGivenIsRemovedAndComesBackWithItsNewValue() {
    rows.publish(Map.of(ANHUI, 3L, HUBEI, 5L));

    rows.publish(Map.of(ANHUI, 3L));
    assertThat(registry.find("reports").tags(HUBEI).gauge()).isNull();

    rows.publish(Map.of(ANHUI, 3L, HUBEI, 2L));
    assertThat(gauge(HUBEI).value()).isEqualTo(2);
  }

  private Gauge gauge(Tags tags) {
    return registry.get("reports").tags(tags).gauge();
  }
}
