package cn.shishi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "入户走访，了解群众急难愁盼",
        "line one\nline two\tand a tab",
        "e\u0301 is fine with its base",
        "😀 a pair of surrogates"
      })
  void acceptsWhatAPersonWrites(String text) {
    assertThat(PlainText.isPlainText(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a NUL \u0000 inside",
        "an escape \u001b[2J",
        "a DEL \u007f",
        "a C1 control \u0085",
        "\u0301 begins with a combining mark",
        "a lone high \ud83d surrogate",
        "a lone low \ude00 surrogate"
      })
  void refusesWhatNoLayerShouldStoreOrShow(String text) {
    assertThat(PlainText.isPlainText(text)).isFalse();
  }

  @Test
  void boundsRunsOfCombiningMarksAtThirty() {
    assertThat(PlainText.isPlainText("a" + "\u0301".repeat(30))).isTrue();
    assertThat(PlainText.isPlainText("a" + "\u0301".repeat(31))).isFalse();
  }

  @Test
  void anIdentifierIsOneLine() {
    assertThat(PlainText.isPlainLine("jx-office-1")).isTrue();
    assertThat(PlainText.isPlainLine("jx\noffice")).isFalse();
  }

  @Test
  void countsCodePointsAsPostgresqlCountsCharacters() {
    assertThat(PlainText.length("😀😀")).isEqualTo(2);
  }
}
