package cn.shishi.console;

import cn.shishi.infra.PackageRules;
import org.junit.jupiter.api.Test;

/** The package rule of docs/adr/0006-packages-by-feature.md, over the console's classes. */
class ArchitectureTest {

  @Test
  void featurePackagesFormNoCycle() {
    PackageRules.check("cn.shishi.console");
  }
}
