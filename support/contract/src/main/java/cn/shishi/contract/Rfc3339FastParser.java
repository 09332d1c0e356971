package cn.shishi.contract;

import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Reads the shape nearly every office sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)},
 * without the general {@code DateTimeFormatter} machinery, which dominated decoding a batch.
 *
 * <p>It accepts only what {@code ISO_OFFSET_DATE_TIME} accepts and yields the same value; it
 * answers {@code null} for anything else, valid or not, and the caller then asks the JDK's parser,
 * so that what is refused stays exactly what that parser refuses. The ingest reads offices' reports
 * with it, the aggregator the events the ingest wrote.
 */
public final class Rfc3339FastParser {
  private static final int SHORTEST = "2021-05-14T10:30:00Z".length();
  private static final int LONGEST = "2021-05-14T10:30:00.123456789+08:00".length();
  private static final int MAX_FRACTION_DIGITS = 9;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  private static final int[] NANOS_PER_DIGIT = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private Rfc3339FastParser() {}

  /**
   * The timestamp in {@code text[start, start + length)}, or null to leave it to the strict way.
   */
  public static OffsetDateTime parse(char[] text, int start, int length) {
    if (length < SHORTEST || length > LONGEST) {
      return null;
    }
    int end = start + length;
    int year = digits(text, start, 4);
    int month = digits(text, start + 5, 2);
    int day = digits(text, start + 8, 2);
    int hour = digits(text, start + 11, 2);
    int minute = digits(text, start + 14, 2);
    int second = digits(text, start + 17, 2);
    if (text[start + 4] != '-'
        || text[start + 7] != '-'
        || text[start + 10] != 'T'
        || text[start + 13] != ':'
        || text[start + 16] != ':'
        || (year | month | day | hour | minute | second) < 0
        || !isValidDate(year, month, day)
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int at = start + 19;
    int nano = 0;
    if (text[at] == '.') {
      int first = ++at;
      while (at < end && at - first < MAX_FRACTION_DIGITS && isDigit(text[at])) {
        nano = nano * 10 + (text[at] - '0');
        at++;
      }
      if (at == first) {
        return null;
      }
      nano *= NANOS_PER_DIGIT[at - first];
    }
    ZoneOffset offset = offset(text, at, end);
    if (offset == null) {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
  }

  /** {@code Z} or {@code ±HH:MM} filling {@code text[at, end)}, within ±18:00; else null. */
  private static ZoneOffset offset(char[] text, int at, int end) {
    if (end - at == 1 && text[at] == 'Z') {
      return ZoneOffset.UTC;
    }
    if (end - at != 6 || (text[at] != '+' && text[at] != '-') || text[at + 3] != ':') {
      return null;
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if (hours < 0 || minutes < 0 || minutes > 59) {
      return null;
    }
    int seconds = hours * 3600 + minutes * 60;
    if (seconds > MAX_OFFSET_SECONDS) {
      return null;
    }
    return ZoneOffset.ofTotalSeconds(text[at] == '-' ? -seconds : seconds);
  }

  private static boolean isValidDate(int year, int month, int day) {
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= Month.of(month).length(Year.isLeap(year));
  }

  /** The value of {@code count} ASCII digits from {@code at}, or -1 if one is not a digit. */
  private static int digits(char[] text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      if (!isDigit(text[i])) {
        return -1;
      }
      value = value * 10 + (text[i] - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
