package cn.shishi.ingest.domain;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.Regions;
import cn.shishi.catalog.SeedCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;

/** The GB/T 2260 regions and the seeded programs and kinds of task. */
@ApplicationScoped
public class SeededCatalog implements Catalog {
  private final Regions regions = Regions.load();
  private final Set<String> programs = codes(SeedCatalog.programs());
  private final Set<String> taskTypes = codes(SeedCatalog.taskTypes());

  private static Set<String> codes(java.util.List<CatalogEntry> entries) {
    return entries.stream().map(CatalogEntry::code).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean regionExists(String regionCode) {
    return regions.resolve(regionCode).isPresent();
  }

  @Override
  public boolean programExists(String code) {
    return programs.contains(code);
  }

  @Override
  public boolean taskTypeExists(String code) {
    return taskTypes.contains(code);
  }
}
