package cn.shishi.console.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shishi.catalog.Regions;
import cn.shishi.console.session.Person;
import cn.shishi.contract.report.Catalog;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.contract.report.ReportValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadCheckTest {
  private static final Regions REGIONS = Regions.load();
  private static final Catalog CATALOG =
      new Catalog() {
        @Override
        public boolean regionExists(String code) {
          return REGIONS.resolve(code).isPresent();
        }

        @Override
        public boolean programExists(String code) {
          return Set.of("warm-nest", "practical-deeds").contains(code);
        }

        @Override
        public boolean taskTypeExists(String code) {
          return Set.of("household-helped", "lecture").contains(code);
        }
      };
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneOffset.UTC);
  private static final Person JIAXING =
      new Person("clerk-1", "office-jiaxing", "3304", Set.of("office"), "token");
  private static final List<String> HEADER =
      List.of("行政区划", "项目", "任务类型", "数量", "受益人数", "完成日期", "完成时间", "备注");

  private final UploadCheck check =
      new UploadCheck(
          new ReportValidator(CATALOG, NOW, LocalDate.of(2021, 1, 1), Duration.ofMinutes(5)),
          Locale.ENGLISH,
          new UploadCheck.Texts() {
            @Override
            public String wholeNumber() {
              return "whole number";
            }

            @Override
            public String date() {
              return "date";
            }

            @Override
            public String time() {
              return "time";
            }

            @Override
            public String dateRequired() {
              return "date required";
            }

            @Override
            public String unknownCode(String code) {
              return "unknown " + code;
            }
          });

  @Test
  void namesEveryProblemByRowAndColumn() throws Exception {
    Sheet sheet =
        sheet(
            row(2, "330402", "warm-nest", "household-helped", "2", "5", "2026-11-30", "10:30", ""),
            row(3, "110101", "warm-nest", "household-helped", "1", "", "2026-11-30", "", ""),
            row(4, "330402", "warm-nest", "household-helped", "two", "", "2026-11-30", "", ""),
            row(5, "330402", "no-such", "lecture", "1", "", "2026-11-30", "", ""),
            row(6, "330402", "warm-nest", "lecture", "1", "", "2026年2月30日", "", ""),
            row(7, "330402", "warm-nest", "lecture", "1", "", "2026-12-24", "", ""),
            row(8, "330402", "warm-nest", "lecture", "1", "", "2026-11-30", "25:00", ""),
            row(9, "339999", "warm-nest", "lecture", "1", "", "", "", ""));
    UploadCheck.Checked checked = check.check(sheet, JIAXING, bytes("file"));

    assertThat(checked.reports()).hasSize(1);
    assertThat(checked.errors())
        .extracting(UploadCheck.RowError::row, UploadCheck.RowError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "行政区划 (regionCode)"),
            org.assertj.core.groups.Tuple.tuple(4, "数量 (quantity)"),
            org.assertj.core.groups.Tuple.tuple(5, "项目 (program)"),
            org.assertj.core.groups.Tuple.tuple(6, "完成日期 (completedOn)"),
            org.assertj.core.groups.Tuple.tuple(7, "完成日期 (completedOn)"),
            org.assertj.core.groups.Tuple.tuple(8, "完成时间 (completedTime)"),
            org.assertj.core.groups.Tuple.tuple(9, "行政区划 (regionCode)"),
            org.assertj.core.groups.Tuple.tuple(9, "完成日期 (completedOn)"));
    assertThat(checked.errors().get(0).message()).isEqualTo("not in your region 3304");
    assertThat(checked.errors().get(1).message()).isEqualTo("whole number");
    assertThat(checked.errors().get(2).message()).isEqualTo("unknown no-such");
    assertThat(checked.errors().get(7).message()).isEqualTo("date required");
  }

  @Test
  void readsCodesAfterTheirNamesAndDatesAsTyped() throws Exception {
    Sheet sheet =
        sheet(
            row(
                2,
                "南湖区 (330402)",
                "暖巢行动（warm-nest）",
                "household-helped",
                "",
                "",
                "2026/11/3 14:05",
                "",
                "备注"));
    ReportSubmission report = check.check(sheet, JIAXING, bytes("file")).reports().get(0);
    assertThat(report.regionCode()).isEqualTo("330402");
    assertThat(report.program()).isEqualTo("warm-nest");
    assertThat(report.quantity()).isNull();
    assertThat(report.completedAt().toString()).isEqualTo("2026-11-03T14:05+08:00");
    assertThat(report.note()).isEqualTo("备注");
  }

  /** The same office, file and row give the same id; another file or row another id. */
  @Test
  void aRowsIdDerivesFromOfficeFileAndRow() throws Exception {
    Sheet sheet =
        sheet(
            row(2, "330402", "warm-nest", "lecture", "1", "", "2026-11-30", "", ""),
            row(3, "330402", "warm-nest", "lecture", "1", "", "2026-11-30", "", ""));
    List<ReportSubmission> once = check.check(sheet, JIAXING, bytes("file")).reports();
    List<ReportSubmission> again = check.check(sheet, JIAXING, bytes("file")).reports();
    List<ReportSubmission> other = check.check(sheet, JIAXING, bytes("another file")).reports();
    Person elsewhere = new Person("clerk-2", "office-2", "3304", Set.of("office"), "token");
    List<ReportSubmission> otherOffice = check.check(sheet, elsewhere, bytes("file")).reports();

    assertThat(once).extracting(ReportSubmission::reportId).doesNotHaveDuplicates();
    assertThat(again)
        .extracting(ReportSubmission::reportId)
        .isEqualTo(once.stream().map(ReportSubmission::reportId).toList());
    assertThat(other.get(0).reportId()).isNotEqualTo(once.get(0).reportId());
    assertThat(otherOffice.get(0).reportId()).isNotEqualTo(once.get(0).reportId());
  }

  @Test
  void refusesAFileWithoutTheRequiredColumns() {
    Sheet sheet = new Sheet(List.of("项目", "数量"), List.of());
    assertThatThrownBy(() -> check.check(sheet, JIAXING, bytes("file")))
        .isInstanceOfSatisfying(
            SheetRefusedException.class,
            e ->
                assertThat(e.detail())
                    .isEqualTo("行政区划 (regionCode), 任务类型 (taskType), 完成日期 (completedOn)"));
  }

  private static Sheet sheet(Sheet.Row... rows) {
    return new Sheet(HEADER, List.of(rows));
  }

  private static Sheet.Row row(int number, String... cells) {
    return new Sheet.Row(number, List.of(cells));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
