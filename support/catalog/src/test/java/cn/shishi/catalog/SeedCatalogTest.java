package cn.shishi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedCatalogTest {

  @Test
  void seedsProgramsAndTaskTypesWithValidCodesAndChineseNames() {
    assertThat(SeedCatalog.programs())
        .extracting(CatalogEntry::code)
        .contains("practical-deeds", "warm-nest")
        .allMatch(CatalogEntry::isValidCode);
    assertThat(SeedCatalog.taskTypes())
        .filteredOn(entry -> entry.code().equals("lecture"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.name()).isEqualTo("宣讲"));
    assertThat(SeedCatalog.programs())
        .filteredOn(entry -> entry.code().equals("households-firms-counties"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.description()).contains("1k firms, 100 counties"));
  }

  /** Quantities of different units are never added: every kind of task says what it counts. */
  @Test
  void everyKindOfTaskHasAUnitAndNoProgramHasOne() {
    assertThat(SeedCatalog.taskTypes()).allSatisfy(type -> assertThat(type.unit()).isNotBlank());
    assertThat(SeedCatalog.taskTypes())
        .filteredOn(type -> type.code().equals("household-visit"))
        .singleElement()
        .satisfies(type -> assertThat(type.unit()).isEqualTo("户"));
    assertThat(SeedCatalog.programs()).allSatisfy(program -> assertThat(program.unit()).isNull());
  }

  @Test
  void splitsQuotedFields() {
    assertThat(Csv.split("a,\"b, c\",\"say \"\"hi\"\"\""))
        .containsExactly("a", "b, c", "say \"hi\"");
  }
}
