package cn.shishi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same text as the JDK's ISO formatters, for every value. */
class IsoTimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-05-14T02:31:07.250Z",
        "2021-05-14T02:31:07Z",
        "2021-05-14T02:31:00Z",
        "2021-05-14T02:00:00Z",
        "2021-05-14T02:31:07.000001Z",
        "2021-05-14T02:31:07.000000001Z",
        "2021-05-14T02:31:07.100200Z",
        "1969-12-31T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z",
        "+10000-01-01T00:00:00Z",
        "-0001-12-31T23:59:59Z"
      })
  void writesInstantsAsIsoInstant(String text) {
    Instant instant = Instant.parse(text);

    assertThat(IsoTimestamps.of(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-05-14T10:30:00+08:00",
        "2021-05-14T10:30:00Z",
        "2021-05-14T10:30:00.25+08:00",
        "2021-05-14T10:30:00.000000001-05:30",
        "2021-05-14T10:30:00.1000+05:45",
        "2021-05-14T10:30:00+18:00",
        "2021-05-14T10:30:00-18:00",
        "2021-05-14T10:00:00-00:30",
        "0000-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59.999999999+14:00",
        "+10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "2021-05-14T10:30:00+08:00:30"
      })
  void writesOffsetDateTimesAsIsoOffsetDateTime(String text) {
    OffsetDateTime dateTime = OffsetDateTime.parse(text);

    assertThat(IsoTimestamps.of(dateTime))
        .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
  }

  @Test
  void agreesWithTheFormattersOnManyValues() {
    Random random = new Random(20210514);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(-62_000_000_000L, 253_000_000_000L);
      int digits = random.nextInt(10);
      int nanos =
          digits == 0 ? 0 : random.nextInt(1_000_000_000) / pow10(9 - digits) * pow10(9 - digits);
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      OffsetDateTime dateTime =
          instant.atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60));

      assertThat(IsoTimestamps.of(instant))
          .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
      assertThat(IsoTimestamps.of(dateTime))
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
    }
  }

  private static int pow10(int exponent) {
    int value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }
}
