package cn.shishi.web;

import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Regions;
import cn.shishi.contract.report.Catalog;
import jakarta.enterprise.context.ApplicationScoped;

/** The catalogue as this instance knows it: the regions, the seed, and the admins' additions. */
@ApplicationScoped
public class RegistryCatalog implements Catalog {
  private final Regions regions;
  private final CatalogRegistry registry;

  public RegistryCatalog(Regions regions, CatalogRegistry registry) {
    this.regions = regions;
    this.registry = registry;
  }

  @Override
  public boolean regionExists(String regionCode) {
    return regions.resolve(regionCode).isPresent();
  }

  @Override
  public boolean programExists(String code) {
    return registry.contains(CatalogKind.PROGRAM, code);
  }

  @Override
  public boolean taskTypeExists(String code) {
    return registry.contains(CatalogKind.TASK_TYPE, code);
  }
}
