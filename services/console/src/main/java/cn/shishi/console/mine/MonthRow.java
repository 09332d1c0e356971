package cn.shishi.console.mine;

import cn.shishi.console.downstream.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;

/** One line of the office's totals by month, program and task type. */
public record MonthRow(
    String month,
    String program,
    String taskType,
    long reports,
    long quantity,
    String unit,
    long beneficiaries) {

  static MonthRow of(JsonNode month, Catalogue.Snapshot entries) {
    String program = month.path("program").asText();
    String taskType = month.path("taskType").asText();
    return new MonthRow(
        month.path("month").asText(),
        entries.program(program).map(e -> e.name()).orElse(program),
        entries.taskType(taskType).map(e -> e.name()).orElse(taskType),
        month.path("reports").asLong(),
        month.path("quantity").asLong(),
        entries.taskType(taskType).map(e -> e.unit()).orElse(null),
        month.path("beneficiaries").asLong());
  }
}
