package cn.shishi.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Publishes the HTTP server timer as a histogram, so that dashboards and alerts can compute latency
 * percentiles across instances (a mean and a max cannot be aggregated into a p99).
 */
@Singleton
public class HttpLatencyHistogram {

  @Produces
  @Singleton
  MeterFilter httpServerRequestsHistogram() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(true)
            .minimumExpectedValue(1_000_000.0)
            .maximumExpectedValue(30_000_000_000.0)
            .build()
            .merge(config);
      }
    };
  }
}
