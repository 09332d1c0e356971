package cn.shishi.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageResourceTest {

  /** The switch leads back to a page of the console, never elsewhere. */
  @ParameterizedTest
  @CsvSource({
    "/reports?from=2026-11-01, /reports?from=2026-11-01",
    "/file, /file",
    "//evil.example/, /",
    "/\\evil.example/, /",
    "https://evil.example/, /",
    "javascript:alert(1), /",
    "'', /",
    "/a b, /"
  })
  void goesBackOnlyToAPathOfTheConsole(String back, String expected) {
    assertThat(LanguageResource.localPath(back).toString()).isEqualTo(expected);
  }
}
