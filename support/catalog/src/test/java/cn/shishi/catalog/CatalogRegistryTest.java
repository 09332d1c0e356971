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
    CatalogEntry lecture = registry.find(CatalogKind.TASK_TYPE, "lecture").orElseThrow();
    assertThat(lecture.name()).isEqualTo("宣讲活动");
    assertThat(lecture.unit()).as("kept by a change that names none").isNotNull();
  }

  /** ADR 0009: a kind of task counts in one unit for ever, whoever writes to the topic. */
  @Test
  void aKindOfTaskKeepsItsUnit() {
    String unit = registry.find(CatalogKind.TASK_TYPE, "lecture").orElseThrow().unit();
    assertThat(unit).isNotNull();
    String other = unit.equals("件") ? "户" : "件";
    assertThatThrownBy(
            () ->
                registry.apply(
                    new CatalogChange(1, "task-type", "lecture", "改单位", null, other, "x", null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.find(CatalogKind.TASK_TYPE, "lecture").orElseThrow().unit())
        .isEqualTo(unit);

    registry.apply(new CatalogChange(1, "task-type", "talks", "讲座", null, "场", "x", null));
    assertThatThrownBy(
            () ->
                registry.apply(
                    new CatalogChange(1, "task-type", "talks", "讲座", null, "次", "x", null)))
        .isInstanceOf(IllegalArgumentException.class);
    registry.apply(new CatalogChange(1, "task-type", "talks", "专题讲座", null, "场", "x", null));
    assertThat(registry.find(CatalogKind.TASK_TYPE, "talks").orElseThrow().name())
        .isEqualTo("专题讲座");
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
    assertThatThrownBy(
            () ->
                registry.apply(
                    new CatalogChange(1, "program", "x", "坏\u0000名", null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                registry.apply(
                    new CatalogChange(1, "program", "x", "好", "a\u001b[31m", null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    registry.apply(new CatalogChange(1, "program", "x", "好", "两行\n说明", null, null, null));
  }
}
