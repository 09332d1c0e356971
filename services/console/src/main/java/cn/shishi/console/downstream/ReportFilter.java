package cn.shishi.console.downstream;

import java.time.LocalDate;

/** The filters of "my reports": any of program, task type, and a range of completion days. */
public record ReportFilter(String program, String taskType, LocalDate from, LocalDate to) {}
