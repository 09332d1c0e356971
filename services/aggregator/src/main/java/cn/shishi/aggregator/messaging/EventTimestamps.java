package cn.shishi.aggregator.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the events' timestamps. The ingest writes them in one shape, {@code
 * 2021-05-14T10:30:00[.fraction](Z|+08:00)}; reading that shape by hand costs a fraction of {@link
 * java.time.format.DateTimeFormatter}, which builds a new formatter for every {@link Instant} it
 * parses. Anything else goes to the JDK's parser, which decides.
 */
final class EventTimestamps {
  private EventTimestamps() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("event-timestamps");
    module.addDeserializer(
        OffsetDateTime.class, new Reader<>(OffsetDateTime.class, EventTimestamps::offsetDateTime));
    module.addDeserializer(Instant.class, new Reader<>(Instant.class, EventTimestamps::instant));
    return module;
  }

  static OffsetDateTime offsetDateTime(String text) {
    OffsetDateTime fast = fixedShape(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  static Instant instant(String text) {
    OffsetDateTime fast = fixedShape(text);
    return fast != null ? fast.toInstant() : Instant.parse(text);
  }

  /** The fixed shape, or null for anything else (left to the JDK, which decides). */
  private static OffsetDateTime fixedShape(String s) {
    int length = s.length();
    if (length < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int at = 19;
    int nanos = 0;
    if (s.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 9 && isDigit(s.charAt(at))) {
        nanos = nanos * 10 + s.charAt(at++) - '0';
      }
      if (at == start) {
        return null;
      }
      for (int scale = at - start; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(s, at);
    if ((year | month | day | hour | minute | second) < 0 || offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDateTime.of(
              LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nanos)),
          offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String s, int at) {
    int left = s.length() - at;
    if (left == 1 && s.charAt(at) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = left == 6 ? s.charAt(at) : 0;
    if ((sign != '+' && sign != '-') || s.charAt(at + 3) != ':') {
      return null;
    }
    int hours = digits(s, at + 1, 2);
    int minutes = digits(s, at + 4, 2);
    if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = hours * 3600 + minutes * 60;
    return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
  }

  /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + c - '0';
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private interface Parse<T> {
    T apply(String text);
  }

  private static final class Reader<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Parse<T> parse;

    Reader(Class<T> type, Parse<T> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public Class<T> handledType() {
      return type;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(context.handleUnexpectedToken(type, parser));
      }
      String text = parser.getText();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException e) {
        return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
      }
    }
  }
}
