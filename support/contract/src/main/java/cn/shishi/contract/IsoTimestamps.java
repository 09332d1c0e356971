package cn.shishi.contract;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text {@code DateTimeFormatter.ISO_INSTANT} and {@code ISO_OFFSET_DATE_TIME} give, written
 * directly: the general formatter took a third of serialising an event. Years outside 0000-9999 and
 * offsets with seconds, which no report carries, are left to the formatters themselves.
 */
final class IsoTimestamps {
  private static final int LONGEST = "2021-05-14T10:30:00.123456789+08:00".length();

  private IsoTimestamps() {}

  /** As {@code ISO_INSTANT}: UTC, the fraction in groups of three digits, {@code Z}. */
  static String of(Instant instant) {
    LocalDateTime utc =
        LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999) {
      return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
    char[] text = new char[LONGEST];
    int at = dateTime(text, utc);
    int nano = utc.getNano();
    if (nano != 0 && nano % 1_000_000 == 0) {
      at = fraction(text, at, nano / 1_000_000, 3);
    } else if (nano != 0 && nano % 1_000 == 0) {
      at = fraction(text, at, nano / 1_000, 6);
    } else if (nano != 0) {
      at = fraction(text, at, nano, 9);
    }
    text[at++] = 'Z';
    return new String(text, 0, at);
  }

  /** As {@code ISO_OFFSET_DATE_TIME}: the fraction without trailing zeros, {@code Z} or ±HH:MM. */
  static String of(OffsetDateTime dateTime) {
    int offset = dateTime.getOffset().getTotalSeconds();
    if (dateTime.getYear() < 0 || dateTime.getYear() > 9999 || offset % 60 != 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }
    char[] text = new char[LONGEST];
    LocalDateTime local = dateTime.toLocalDateTime();
    int at = dateTime(text, local);
    int nano = local.getNano();
    if (nano != 0) {
      int digits = 9;
      for (; nano % 10 == 0; nano /= 10) {
        digits--;
      }
      at = fraction(text, at, nano, digits);
    }
    if (offset == 0) {
      text[at++] = 'Z';
    } else {
      text[at++] = offset < 0 ? '-' : '+';
      int minutes = Math.abs(offset) / 60;
      at = twoDigits(text, at, minutes / 60);
      text[at++] = ':';
      at = twoDigits(text, at, minutes % 60);
    }
    return new String(text, 0, at);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss}. */
  private static int dateTime(char[] text, LocalDateTime value) {
    int at = twoDigits(text, 0, value.getYear() / 100);
    at = twoDigits(text, at, value.getYear() % 100);
    text[at++] = '-';
    at = twoDigits(text, at, value.getMonthValue());
    text[at++] = '-';
    at = twoDigits(text, at, value.getDayOfMonth());
    text[at++] = 'T';
    at = twoDigits(text, at, value.getHour());
    text[at++] = ':';
    at = twoDigits(text, at, value.getMinute());
    text[at++] = ':';
    return twoDigits(text, at, value.getSecond());
  }

  /** A point and the {@code digits} lowest decimal digits of {@code value}, zero-padded. */
  private static int fraction(char[] text, int at, int value, int digits) {
    text[at] = '.';
    for (int i = at + digits; i > at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + digits + 1;
  }

  private static int twoDigits(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
    return at + 2;
  }
}
