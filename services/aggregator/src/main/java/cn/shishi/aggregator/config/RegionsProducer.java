package cn.shishi.aggregator.config;

import cn.shishi.catalog.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The GB/T 2260 catalogue, loaded once. */
@ApplicationScoped
public class RegionsProducer {

  @Produces
  @ApplicationScoped
  Regions regions() {
    return Regions.load();
  }
}
