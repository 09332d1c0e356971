package cn.shishi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-05-14T10:30:00+08:00",
        "2021-05-14T10:30:00.5+08:00",
        "2021-05-14T10:30:00.123456789-05:30",
        "2024-02-29T23:59:59Z",
        "2021-05-14T02:31:07.250Z",
        "0001-01-01T00:00:00+18:00",
        "2021-05-14T10:30+08:00",
        "2021-05-14T10:30:00.+08:00",
        "2021-05-14T10:30:00+08:00:30",
        "+12021-05-14T10:30:00Z"
      })
  void readsWhatTheJdkReads(String text) {
    assertThat(EventTimestamps.offsetDateTime(text)).isEqualTo(OffsetDateTime.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29T10:30:00+08:00",
        "2021-13-14T10:30:00+08:00",
        "2021-05-14T24:00:00+08:00",
        "2021-05-14T10:60:00+08:00",
        "2021-05-14T10:30:00+19:00",
        "2021-05-14T10:30:00.1234567891+08:00",
        "2021-05-14T10:30:00",
        "2021-05-14 10:30:00+08:00",
        "2021-05-14T10:30:0x+08:00",
        "2021-05-14T10:30:00+0800"
      })
  void refusesWhatTheJdkRefuses(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> EventTimestamps.offsetDateTime(text))
        .isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-05-14T02:31:07.250Z",
        "2021-05-14T02:31:07Z",
        "2021-05-14T10:31:07.123456789+08:00",
        "2024-02-29T23:59:59-05:30"
      })
  void readsInstantsAsTheJdkDoes(String text) {
    assertThat(EventTimestamps.instant(text)).isEqualTo(Instant.parse(text));
  }
}
