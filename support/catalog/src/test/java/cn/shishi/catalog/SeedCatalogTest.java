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

  @Test
  void splitsQuotedFields() {
    assertThat(Csv.split("a,\"b, c\",\"say \"\"hi\"\"\""))
        .containsExactly("a", "b, c", "say \"hi\"");
  }
}
