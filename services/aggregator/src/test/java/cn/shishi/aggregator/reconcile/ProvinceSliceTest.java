package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProvinceSliceTest {

  @Test
  void theSlicesOfACountHoldEveryCodeExactlyOnce() {
    for (int count : new int[] {1, 2, 7, 12, 34, 100}) {
      List<String> codes = new ArrayList<>();
      for (int index = 0; index < count; index++) {
        ProvinceSlice slice = new ProvinceSlice(index, count);
        codes.addAll(slice.provinceCodes());
        assertThat(slice.provinceCodes()).allMatch(slice::contains);
      }
      assertThat(codes)
          .as("%d slices", count)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 100).mapToObj(code -> String.format("%02d", code)).toList());
    }
  }

  @Test
  void findsTheSliceHoldingAProvince() {
    ProvinceSlice zhejiang = ProvinceSlice.holding("33", 12);

    assertThat(zhejiang).isEqualTo(new ProvinceSlice(9, 12));
    assertThat(zhejiang.provinceCodes()).contains("33", "45", "81").doesNotContain("35");
  }

  @Test
  void everythingCoversEverySliceAndASliceOnlyItself() {
    assertThat(ProvinceSlice.ALL.isAll()).isTrue();
    assertThat(ProvinceSlice.ALL.covers(new ProvinceSlice(3, 12))).isTrue();
    assertThat(new ProvinceSlice(3, 12).covers(new ProvinceSlice(3, 12))).isTrue();
    assertThat(new ProvinceSlice(3, 12).covers(new ProvinceSlice(4, 12))).isFalse();
    assertThat(new ProvinceSlice(3, 12).covers(ProvinceSlice.ALL)).isFalse();
  }

  @Test
  void refusesASliceThatIsNotOne() {
    assertThatThrownBy(() -> new ProvinceSlice(12, 12))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProvinceSlice(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProvinceSlice(0, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
