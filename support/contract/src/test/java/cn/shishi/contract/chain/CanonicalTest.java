package cn.shishi.contract.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canonical bytes are what auditors hash again: these are fixed, byte for byte. */
class CanonicalTest {
  private static String canonical(Canonical canonical) {
    return new String(canonical.toBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void eachFieldLengthPrefixedInUtf8Bytes() {
    assertThat(canonical(Canonical.of("report").text("abc").text("").text("为群众办实事")))
        .isEqualTo("6:report;3:abc;0:;18:为群众办实事;");
  }

  @Test
  void noneIsATilde() {
    assertThat(
            canonical(
                Canonical.of("k")
                    .text(null)
                    .number((Long) null)
                    .instant(null)
                    .day(null)
                    .uuid(null)
                    .flag(null)
                    .binary(null)))
        .isEqualTo("1:k;~;~;~;~;~;~;~;");
  }

  @Test
  void numbersInstantsDaysUuidsAndFlagsAsText() {
    assertThat(
            canonical(
                Canonical.of("k")
                    .number(0)
                    .number(-42L)
                    .number(Long.MIN_VALUE)
                    .instant(Instant.parse("2026-12-04T02:31:07.123456789Z"))
                    .instant(Instant.parse("1969-12-31T23:59:59.999999Z"))
                    .day(LocalDate.parse("2026-12-04"))
                    .uuid(UUID.fromString("0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B"))
                    .flag(true)))
        .isEqualTo(
            "1:k;1:0;3:-42;20:-9223372036854775808;16:1796351467123456;2:-1;10:2026-12-04;"
                + "36:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b;4:true;");
  }

  @Test
  void binaryFieldsAsTheirSha256() {
    assertThat(canonical(Canonical.of("k").binary(new byte[0])))
        .isEqualTo("1:k;64:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855;");
  }

  @Test
  void longFieldsAndManyOfThem() {
    Canonical canonical = Canonical.of("k");
    StringBuilder expected = new StringBuilder("1:k;");
    for (int i = 0; i < 50; i++) {
      String value = "适".repeat(i * 7);
      canonical.text(value);
      expected.append(i * 21).append(':').append(value).append(';');
    }
    assertThat(canonical(canonical)).isEqualTo(expected.toString());
  }
}
