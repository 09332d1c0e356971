package cn.shishi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path yields what the strict parser yields, or leaves the text to it. */
class Rfc3339FastParserTest {

  private static OffsetDateTime fast(String text) {
    // Inside a larger buffer, as Jackson hands it over.
    char[] buffer = ("[\"" + text + "\"]").toCharArray();
    return Rfc3339FastParser.parse(buffer, 2, text.length());
  }

  private static OffsetDateTime strict(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-05-14T10:30:00+08:00",
        "2021-05-14T02:30:00Z",
        "2021-05-14T10:30:00-05:30",
        "2021-05-14T10:30:00+05:45",
        "2021-05-14T10:30:00+14:00",
        "2021-05-14T10:30:00-12:00",
        "2021-05-14T10:30:00+18:00",
        "2021-05-14T10:30:00-18:00",
        "2021-05-14T10:30:00+00:00",
        "2021-05-14T10:30:00-00:00",
        "2021-05-14T10:30:00.1Z",
        "2021-05-14T10:30:00.12+08:00",
        "2021-05-14T10:30:00.123+08:00",
        "2021-05-14T10:30:00.1234+08:00",
        "2021-05-14T10:30:00.12345+08:00",
        "2021-05-14T10:30:00.123456+08:00",
        "2021-05-14T10:30:00.1234567+08:00",
        "2021-05-14T10:30:00.12345678+08:00",
        "2021-05-14T10:30:00.123456789+08:00",
        "2021-05-14T10:30:00.000000001Z",
        "2021-05-14T10:30:00.0Z",
        "2021-05-14T10:30:00.050-03:00",
        "2024-02-29T12:00:00+08:00",
        "2000-02-29T00:00:00Z",
        "2021-12-31T23:59:59Z",
        "2021-01-01T00:00:00+08:00",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999-18:00"
      })
  void readsTheCommonShapeAsTheStrictParserDoes(String text) {
    OffsetDateTime parsed = fast(text);

    assertThat(parsed).isNotNull().isEqualTo(strict(text));
    assertThat(parsed.getOffset()).isEqualTo(strict(text).getOffset());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2021-04-31T00:00:00Z",
        "2021-13-01T00:00:00Z",
        "2021-00-10T00:00:00Z",
        "2021-05-00T00:00:00Z",
        "2021-05-32T00:00:00Z",
        "2021-05-14T24:00:00Z",
        "2021-05-14T24:00:00+08:00",
        "2021-05-14T25:00:00Z",
        "2021-05-14T23:60:00Z",
        "2021-05-14T23:59:60Z",
        "2021-05-14T10:30:00+18:01",
        "2021-05-14T10:30:00+19:00",
        "2021-05-14T10:30:00+25:00",
        "2021-05-14T10:30:00+08:60",
        "2021-05-14T10:30:00.1234567891Z",
        "2021-05-14T10:30:00",
        "2021-05-14T10:30:00.123",
        "2021-05-14 10:30:00+08:00",
        "+2021-05-14T10:30:00Z",
        "2021-05-14T10:30:00+0800",
        "2021-05-14T10:30:00 +08:00",
        "2021-05-14T10:30:00Z[Asia/Shanghai]",
        "2021-05-14T10:30:00ZZ",
        "2021-05-14T10:30:00+08:00 ",
        "2021-5-14T10:30:00+08:00Z",
        "\u0662\u0660\u0662\u0661-05-14T10:30:00Z",
        "2021-05-14T10:30:00\uff0b08:00",
        "2021-05-14",
        "2021-W19-5",
        "14/05/2021",
        "now",
        ""
      })
  void leavesWhatTheStrictParserRefusesToIt(String text) {
    assertThat(fast(text)).isNull();
    assertThatThrownBy(() -> strict(text)).isInstanceOf(DateTimeParseException.class);
  }

  /** Valid, but not the common shape: the strict parser still reads them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-05-14t10:30:00z",
        "2021-05-14T10:30+08:00",
        "2021-05-14T10:30:00.+08:00",
        "2021-05-14T10:30:00+08",
        "2021-05-14T10:30:00+08:00:00"
      })
  void leavesTheRarerValidShapesToTheStrictParser(String text) {
    assertThat(fast(text)).isNull();
    assertThat(strict(text)).isNotNull();
  }

  @Test
  void agreesWithTheStrictParserOnManyTimestamps() {
    Random random = new Random(20210514);
    for (int i = 0; i < 100_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), nanos(random));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 900);
      String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));

      assertThat(fast(text)).as(text).isEqualTo(strict(text));
    }
  }

  /** Nanoseconds with 0 to 9 significant digits, evenly. */
  private static int nanos(Random random) {
    int digits = random.nextInt(10);
    int value = digits == 0 ? 0 : random.nextInt((int) Math.pow(10, digits));
    return value * (int) Math.pow(10, 9 - digits);
  }
}
