package cn.shishi.aggregator.rest;

import static io.restassured.RestAssured.given;

import cn.shishi.aggregator.metrics.BusinessGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the aggregator's gauges from inside the test JVM, and its scrape over HTTP. */
final class BusinessGaugesProbe {
  private BusinessGaugesProbe() {}

  static void refresh() {
    Arc.container().instance(BusinessGauges.class).get().refresh();
  }

  static long reports(String province, String program) {
    MeterRegistry registry = Arc.container().instance(MeterRegistry.class).get();
    return (long)
        registry
            .get("shishi.rollup.reports")
            .tag("province", province)
            .tag("program", program)
            .gauge()
            .value();
  }

  static String scrape() {
    int port = ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class);
    return given().get("http://localhost:" + port + "/q/metrics").asString();
  }
}
