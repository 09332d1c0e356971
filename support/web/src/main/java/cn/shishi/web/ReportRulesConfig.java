package cn.shishi.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The settings of the report rules both services apply (the ingest to every report, the aggregator
 * to a corrected dead letter before it re-drives it), under {@code shishi.reports} (env: {@code
 * SHISHI_REPORTS_*}).
 */
@ConfigMapping(prefix = "shishi.reports")
public interface ReportRulesConfig {

  /** Reports completed before this day (Asia/Shanghai) are rejected: the campaign's start. */
  @WithDefault("2021-01-01")
  LocalDate earliestCompletedOn();

  /** How far in the future {@code completedAt} may lie, for offices whose clocks run fast. */
  @WithDefault("PT5M")
  Duration maxClockSkew();
}
