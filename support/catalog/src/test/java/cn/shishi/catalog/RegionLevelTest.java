package cn.shishi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionLevelTest {
  @Test
  void eachLevelIsFoundByTheLengthOfItsCodes() {
    for (RegionLevel level : RegionLevel.values()) {
      assertThat(RegionLevel.ofCodeLength(level.codeLength())).isSameAs(level);
    }
  }

  @Test
  void noOtherLengthNamesALevel() {
    for (int length : new int[] {0, 1, 3, 5, 7, 12}) {
      assertThatThrownBy(() -> RegionLevel.ofCodeLength(length))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
