package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiledReportTest {
  @ParameterizedTest
  @CsvSource({
    "2026-12-04T00:00:00+08:00, 2026-12-04",
    "2026-12-03T23:59:59.999+08:00, 2026-12-03",
    "2026-12-03T16:30:00Z, 2026-12-04",
    "2026-12-04T00:30:00+09:00, 2026-12-03",
    "2026-12-03T10:00:00-08:00, 2026-12-04",
    // Daylight saving time in China, 1986–1991: 1988-04-17 02:00 CST became 03:00 CDT (+09:00).
    "1988-06-30T15:30:00Z, 1988-07-01",
    "1988-06-30T14:30:00Z, 1988-06-30"
  })
  void countsInTheDayItWasCompletedOnInChina(String completedAt, String day) {
    FiledReport report = Items.report(0, 0, completedAt);

    assertThat(report.day()).isEqualTo(LocalDate.parse(day));
    assertThat(report.contribution().day()).isEqualTo(LocalDate.parse(day));
  }

  /** The day as the zoned date-time in China gives it, over a century of instants and offsets. */
  @Test
  void theSameDayAsTheZonedDateTimeInChina() {
    Random random = new Random(20261204);
    long from = Instant.parse("1940-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(900 * (random.nextInt(105) - 48));
      OffsetDateTime completedAt = instant.atOffset(offset);
      FiledReport report = Items.report(0, 0, completedAt.toString());

      assertThat(report.day())
          .as("%s", completedAt)
          .isEqualTo(completedAt.atZoneSameInstant(FiledReport.CHINA).toLocalDate());
    }
  }
}
