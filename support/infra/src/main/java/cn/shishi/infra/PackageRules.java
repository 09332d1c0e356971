package cn.shishi.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rule of a service (docs/adr/0006-packages-by-feature.md), for its architecture test:
 * feature packages never form a cycle, and a REST resource never reaches the database itself.
 */
public final class PackageRules {
  private PackageRules() {}

  /** Fails, naming every offence, if the main classes under {@code root} break the rule. */
  public static void check(String root) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);
    slices()
        .matching(root + ".(*)..")
        .should()
        .beFreeOfCycles()
        .because("a feature package is changed on its own only if nothing it uses uses it back")
        .check(classes);
    noClasses()
        .that()
        .areAnnotatedWith("jakarta.ws.rs.Path")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Queries")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Writer")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.sql.DataSource")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .because("resources are thin adapters over services, which own the transactions")
        .check(classes);
  }
}
