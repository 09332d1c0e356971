package cn.shishi.aggregator.ops;

import static io.restassured.RestAssured.given;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the aggregator's gauges from inside the test JVM, and its scrape over HTTP. */
public final class BusinessGaugesProbe {
  private BusinessGaugesProbe() {}

  public static void refresh() {
    Arc.container().instance(BusinessGauges.class).get().refresh();
  }

  public static long reports(String province, String program) {
    MeterRegistry registry = Arc.container().instance(MeterRegistry.class).get();
    return (long)
        registry
            .get("shishi.rollup.reports")
            .tag("province", province)
            .tag("program", program)
            .gauge()
            .value();
  }

  public static String scrape() {
    int port = ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class);
    return given().get("http://localhost:" + port + "/q/metrics").asString();
  }
}
