package cn.shishi.aggregator.period;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The API model of a month of a region: whether it is closed, its figures as published beside the
 * figures now and their difference (per program and kind of task, in its unit), and the ledger
 * changes behind the difference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeriodView(
    String region,
    String name,
    String month,
    String status,
    String closedBy,
    Instant closedAt,
    String reopenedBy,
    Instant reopenedAt,
    String reopenReason,
    List<Row> rows,
    long restatementCount,
    List<Restatement> restatements) {

  /** One program and kind of task: as published, as now, and the difference. */
  public record Row(
      String program,
      String taskType,
      String unit,
      PeriodFigures published,
      PeriodFigures now,
      PeriodFigures difference) {}

  /** A report filed, or a withdrawal applied, after the close, for a report of the month. */
  public record Restatement(
      String change,
      String reportId,
      String officeId,
      String regionCode,
      String program,
      String taskType,
      LocalDate day,
      long quantity,
      long beneficiaries,
      Instant at) {}
}
