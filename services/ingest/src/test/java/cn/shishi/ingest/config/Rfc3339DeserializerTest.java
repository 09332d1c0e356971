package cn.shishi.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339DeserializerTest {
  private static final ObjectMapper JSON = strictMapper();

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    new StrictJsonCustomizer().customize(mapper);
    return mapper;
  }

  record Report(OffsetDateTime completedAt) {}

  private static OffsetDateTime read(String json) throws Exception {
    return JSON.readValue("{\"completedAt\": " + json + "}", Report.class).completedAt();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2021-05-14T10:30:00+08:00", "2021-05-14T10:30:00.25Z", "2021-05-14t10:30:00z"})
  void readsTimestampsWithTheirOffset(String text) throws Exception {
    OffsetDateTime expected = OffsetDateTime.parse(text.toUpperCase());

    assertThat(read("\"" + text + "\"")).isEqualTo(expected);
  }

  @Test
  void readsEscapedText() throws Exception {
    assertThat(read("\"2021-05-14T10:30:00\\u002B08:00\""))
        .isEqualTo(OffsetDateTime.parse("2021-05-14T10:30:00+08:00"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"2021-02-29T10:30:00+08:00\"",
        "\"2021-05-14T24:00:00+08:00\"",
        "\"2021-05-14T10:30:00\"",
        // RFC 3339 requires the seconds; ISO_OFFSET_DATE_TIME would read this.
        "\"2021-05-14T10:30+08:00\"",
        "\"2021-05-14T10:30:00.1234567891Z\"",
        "1620959400",
        "true"
      })
  void refusesAnythingElse(String json) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
  }
}
