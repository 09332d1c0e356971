package cn.shishi.console.mine;

import cn.shishi.catalog.Regions;
import cn.shishi.console.downstream.Catalogue;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.i18n.Statuses;
import cn.shishi.contract.report.ReportValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** One line of "my reports", with names in place of codes. */
public record ReportRow(
    String reportId,
    String status,
    String statusText,
    String completed,
    String region,
    String program,
    String taskType,
    long quantity,
    String unit,
    long beneficiaries,
    String note,
    String withdrawalReason) {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static ReportRow of(
      JsonNode report, Catalogue.Snapshot entries, Regions regions, ConsoleMessages messages) {
    String status = report.path("status").asText();
    String region = report.path("regionCode").asText();
    String program = report.path("program").asText();
    String taskType = report.path("taskType").asText();
    return new ReportRow(
        report.path("reportId").asText(),
        status,
        Statuses.text(status, messages),
        OffsetDateTime.parse(report.path("completedAt").asText())
            .atZoneSameInstant(ReportValidator.CHINA)
            .format(MINUTES),
        regions.resolve(region).map(r -> r.name()).orElse(region),
        entries.program(program).map(e -> e.name()).orElse(program),
        entries.taskType(taskType).map(e -> e.name()).orElse(taskType),
        report.path("quantity").asLong(),
        entries.taskType(taskType).map(e -> e.unit()).orElse(null),
        report.path("beneficiaries").asLong(),
        report.path("note").asText(""),
        report.path("withdrawalReason").asText(""));
  }

  public boolean counted() {
    return "counted".equals(status);
  }
}
