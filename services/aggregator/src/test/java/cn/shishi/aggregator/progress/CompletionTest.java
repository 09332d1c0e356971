package cn.shishi.aggregator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CompletionTest {
  @Test
  void fujiansLivelihoodProjects() {
    Completion fujian = new Completion(8_788, 2_959);
    assertThat(fujian.ratio()).isEqualByComparingTo(new BigDecimal("0.3367"));
    assertThat(fujian.remaining()).isEqualTo(5_829);
  }

  @Test
  void doingMoreThanCommittedLeavesNothingAndARatioAboveOne() {
    Completion beyond = new Completion(100, 150);
    assertThat(beyond.ratio()).isEqualByComparingTo(new BigDecimal("1.5"));
    assertThat(beyond.remaining()).isZero();
  }

  @Test
  void withdrawalsCanLeaveLessThanNothingDoneButNeverMoreRemainingThanTheTarget() {
    Completion none = new Completion(10, 0);
    assertThat(none.ratio()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(none.remaining()).isEqualTo(10);
  }

  @Test
  void aTargetIsPositive() {
    assertThatThrownBy(() -> new Completion(0, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
