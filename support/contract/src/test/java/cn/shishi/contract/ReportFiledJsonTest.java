package cn.shishi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written writer gives, byte for byte, what the record serializer gave before it. */
class ReportFiledJsonTest {
  /** The ingest's writer of other events, as it wrote reports before {@link ReportFiledJson}. */
  private static final ObjectWriter RECORD_SERIALIZER =
      EventTimestamps.writer(new ObjectMapper().registerModule(new JavaTimeModule()));

  static Stream<ReportFiled> events() {
    return Stream.of(
        event("为南湖区两户老人完成适老化改造"),
        event(null),
        event(""),
        event("quotes \" and \\ backslashes, / slashes"),
        event("controls \u0000 \u0001 \u001f \t \n \r \b \f, and \u007f"),
        event("line and paragraph separators \u2028 \u2029"),
        event("astral 😀 𠀋 and combining e\u0301"),
        event("<script>alert(1)</script> &amp; ' ${jndi:ldap://x}"),
        new ReportFiled(null, null, null, null, null, null, null, null, null, null, null, null),
        new ReportFiled(
            1,
            new UUID(0, 0),
            "o",
            "110101",
            "p",
            "t",
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            OffsetDateTime.of(2021, 5, 14, 10, 30, 0, 123_456_789, ZoneOffset.ofHours(-5)),
            "n",
            Instant.ofEpochSecond(1_620_959_467L, 1),
            "f"));
  }

  @ParameterizedTest
  @MethodSource("events")
  void writesWhatTheRecordSerializerWrote(ReportFiled event) throws Exception {
    byte[] written = ReportFiledJson.write(event);
    byte[] expected = RECORD_SERIALIZER.writeValueAsBytes(event);
    assertThat(written).as("%s, as text: %s", text(written), text(expected)).isEqualTo(expected);
  }

  @Test
  void writesManyRandomEventsAsTheRecordSerializerDid() throws Exception {
    Random random = new Random(20261204L);
    for (int i = 0; i < 2_000; i++) {
      ReportFiled event = randomEvent(random);
      assertThat(ReportFiledJson.write(event))
          .as("event %s", event)
          .isEqualTo(RECORD_SERIALIZER.writeValueAsBytes(event));
    }
  }

  private static ReportFiled event(String note) {
    return new ReportFiled(
        EventTypes.SCHEMA_VERSION,
        UUID.fromString("0b9e7f4a-6f1e-4c55-9d1a-8f3c2e7b5a01"),
        "jx-office-1",
        "330402",
        "warm-nest",
        "household-helped",
        2,
        5,
        OffsetDateTime.parse("2021-05-14T10:30:00+08:00"),
        note,
        Instant.parse("2021-05-14T02:31:07.250Z"),
        "jx-clerk-wang");
  }

  private static ReportFiled randomEvent(Random random) {
    return new ReportFiled(
        random.nextInt(3),
        new UUID(random.nextLong(), random.nextLong()),
        randomText(random, 20),
        String.valueOf(100_000 + random.nextInt(900_000)),
        randomText(random, 10),
        randomText(random, 10),
        random.nextBoolean() ? null : random.nextInt(),
        random.nextBoolean() ? null : random.nextInt(1_000_000),
        OffsetDateTime.of(
            2021 + random.nextInt(6),
            1 + random.nextInt(12),
            1 + random.nextInt(28),
            random.nextInt(24),
            random.nextInt(60),
            random.nextInt(60),
            random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000),
            ZoneOffset.ofTotalSeconds(60 * (random.nextInt(24 * 60) - 12 * 60))),
        random.nextInt(4) == 0 ? null : randomText(random, 200),
        Instant.ofEpochSecond(
            1_600_000_000L + random.nextInt(200_000_000),
            random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)),
        randomText(random, 20));
  }

  /** Text from every plane's printable and unprintable corners, surrogate pairs kept whole. */
  private static String randomText(Random random, int maxCodePoints) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxCodePoints + 1);
    for (int i = 0; i < length; i++) {
      int codePoint =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
            case 2 -> 0x4e00 + random.nextInt(0x9fff - 0x4e00);
            default -> 0x10000 + random.nextInt(0x10ffff - 0x10000);
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
