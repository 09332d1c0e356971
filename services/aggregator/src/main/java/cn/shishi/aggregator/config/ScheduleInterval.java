package cn.shishi.aggregator.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;

/** The interval of one of the aggregator's schedules, as its setting gives it. */
public final class ScheduleInterval {
  private ScheduleInterval() {}

  /**
   * The interval {@code text} sets ({@code 5m}, {@code PT1H}), read as the scheduler reads it; zero
   * for {@code off} or {@code disabled}, when the schedule never runs.
   */
  public static Duration parse(String text) {
    return text.equalsIgnoreCase("off") || text.equalsIgnoreCase("disabled")
        ? Duration.ZERO
        : DurationConverter.parseDuration(text);
  }
}
