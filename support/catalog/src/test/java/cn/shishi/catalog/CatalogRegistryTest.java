package cn.shishi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogRegistryTest {
  private final CatalogRegistry registry = new CatalogRegistry();

  @Test
  void startsWithTheSeedAndLearnsNewEntries() {
    assertThat(registry.contains(CatalogKind.PROGRAM, "warm-nest")).isTrue();
    assertThat(registry.contains(CatalogKind.PROGRAM, "clean-rivers")).isFalse();

    registry.apply(
        new CatalogChange(1, "program", "clean-rivers", "河长制", "River chiefs", null, null, null));

    assertThat(registry.contains(CatalogKind.PROGRAM, "clean-rivers")).isTrue();
    assertThat(registry.contains(CatalogKind.TASK_TYPE, "clean-rivers")).isFalse();
    assertThat(registry.list(CatalogKind.PROGRAM))
        .extracting(CatalogEntry::code)
        .contains("clean-rivers");
  }

  @Test
  void aLaterChangeRenames() {
    registry.apply(
        new CatalogChange(1, "task-type", "lecture", "宣讲活动", "renamed", null, null, null));
    assertThat(registry.find(CatalogKind.TASK_TYPE, "lecture").orElseThrow().name())
        .isEqualTo("宣讲活动");
  }

  @Test
  void refusesMalformedChanges() {
    assertThatThrownBy(
            () -> registry.apply(new CatalogChange(2, "program", "x", "X", null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                registry.apply(
                    new CatalogChange(1, "program", "Bad Code", "X", null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> registry.apply(new CatalogChange(1, "colour", "x", "X", null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
