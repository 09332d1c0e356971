package cn.shishi.web;

import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The GB/T 2260 regions and the programs and kinds of task, one of each per service. */
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
}
