package cn.shishi.web;

import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Regions;
import cn.shishi.contract.EventConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The GB/T 2260 regions, the programs and kinds of task, and the event constraints over them, one
 * of each per service.
 */
@ApplicationScoped
public class CatalogProducer {

  @Produces
  @ApplicationScoped
  Regions regions() {
    return Regions.load();
  }

  @Produces
  @ApplicationScoped
  CatalogRegistry registry() {
    return new CatalogRegistry();
  }

  /** What an event must be to be stored: the regions decide which region codes exist. */
  @Produces
  @ApplicationScoped
  EventConstraints constraints(Regions regions) {
    return new EventConstraints(regions);
  }
}
