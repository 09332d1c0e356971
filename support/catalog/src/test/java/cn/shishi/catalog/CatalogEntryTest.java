package cn.shishi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogEntryTest {
  private static final Pattern CODE = Pattern.compile(CatalogEntry.CODE_PATTERN);

  private static final String NEAR_MISSES = "az09-_A é";

  /** Asserts that the check answers as the pattern does; returns whether it is a code. */
  private static boolean answersAsThePattern(String candidate) {
    boolean expected =
        candidate.length() <= CatalogEntry.MAX_CODE_LENGTH && CODE.matcher(candidate).matches();
    assertThat(CatalogEntry.isValidCode(candidate)).as("\"%s\"", candidate).isEqualTo(expected);
    return expected;
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "warm-nest", "household-helped", "x1", "a-1", "b2b-2c-3d"})
  void wordsOfLettersAndDigitsJoinedByHyphensAreCodes(String code) {
    assertThat(CatalogEntry.isValidCode(code)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "1abc", "-abc", "abc-", "a--b", "Abc", "a_b", "a b", "a.b", "适老化", "ａbc", "a\u0000", "a\n",
        "é"
      })
  void anythingElseIsNot(String code) {
    assertThat(CatalogEntry.isValidCode(code)).isFalse();
  }

  @Test
  void sixtyFourCharactersAtMost() {
    assertThat(CatalogEntry.isValidCode("a".repeat(64))).isTrue();
    assertThat(CatalogEntry.isValidCode("a".repeat(65))).isFalse();
    assertThat(CatalogEntry.isValidCode("a-".repeat(32) + "b")).isFalse();
  }

  /**
   * The hand-written check against the pattern it stands for, on strings made mostly of near
   * misses.
   */
  @Test
  void answersAsThePatternDoes() {
    Random random = new Random(20261204);
    int codes = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder code = new StringBuilder();
      int length = random.nextInt(n % 100 == 0 ? 70 : 8);
      for (int i = 0; i < length; i++) {
        code.append(NEAR_MISSES.charAt(random.nextInt(NEAR_MISSES.length())));
      }
      codes += answersAsThePattern(code.toString()) ? 1 : 0;
    }
    // Enough of both answers for the comparison to mean something (10,892 codes with this seed).
    assertThat(codes).isBetween(5_000, 195_000);
  }

  /** Codes of up to 70 characters, half of them with one character changed: the length limit. */
  @Test
  void answersAsThePatternDoesNearTheLengthLimit() {
    Random random = new Random(64);
    int codes = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder code = new StringBuilder().append((char) ('a' + random.nextInt(26)));
      int length = 1 + random.nextInt(70);
      while (code.length() < length) {
        boolean hyphen = code.charAt(code.length() - 1) != '-' && random.nextInt(6) == 0;
        code.append(hyphen ? '-' : (char) ('a' + random.nextInt(26)));
      }
      if (random.nextBoolean()) {
        code.setCharAt(
            random.nextInt(length), NEAR_MISSES.charAt(random.nextInt(NEAR_MISSES.length())));
      }
      codes += answersAsThePattern(code.toString()) ? 1 : 0;
    }
    assertThat(codes).isBetween(2_000, 18_000);
  }
}
