package cn.shishi.ingest;

import cn.shishi.infra.PackageRules;
import org.junit.jupiter.api.Test;

/** The package rule of docs/adr/0006-packages-by-feature.md, over this service's classes. */
class ArchitectureTest {

  @Test
  void featurePackagesFormNoCycleAndResourcesNeverReachTheDatabase() {
    PackageRules.check("cn.shishi.ingest");
  }
}
