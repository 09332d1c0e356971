package cn.shishi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static Caller in(String claim) {
    return new Caller("x", Set.of("office"), Caller.normalise(claim), "x");
  }

  @Test
  void aCityClaimCoversItsCountiesAndItsOwnLevelButNotItsNeighbours() {
    Caller jiaxing = in("3304");
    assertThat(jiaxing.covers("330402")).isTrue();
    assertThat(jiaxing.covers("330400")).isTrue();
    assertThat(jiaxing.covers("330281")).isFalse();
    assertThat(jiaxing.covers("33")).isFalse();
  }

  @Test
  void sixDigitClaimsNormaliseToTheirLevel() {
    assertThat(in("330400").region()).isEqualTo("3304");
    assertThat(in("330000").region()).isEqualTo("33");
    assertThat(in("330402").region()).isEqualTo("330402");
    assertThat(in("33a").region()).isNull();
    assertThat(in(null).covers("330402")).isFalse();
  }

  @Test
  void theNationCoversEverythingButNamesNoProvince() {
    assertThat(in("00").covers("650102")).isTrue();
    assertThat(in("00").hasProvince()).isFalse();
    assertThat(in("3304").hasProvince()).isTrue();
  }
}
