package cn.shishi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.catalog.Regions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoPlanTest {
  private final Regions regions = Regions.load();
  private final DemoPlan plan = DemoPlan.article(regions);

  @Test
  void everyCheckOfTheArticleIsWhatThePlanFiles() {
    for (DemoPlan.Check check : plan.checks()) {
      assertThat(plan.planned(check))
          .as(check.label())
          .containsExactly(check.quantity(), check.beneficiaries());
    }
  }

  @Test
  void splitsAFigureIntoValidReportsThatSumExactly() {
    DemoPlan.Figure lectures =
        new DemoPlan.Figure(
            "t",
            List.of("330402", "330411", "330400"),
            "practical-deeds",
            "lecture",
            9_100,
            530_000);
    List<DemoPlan.Planned> reports = DemoPlan.split(lectures);
    assertThat(reports.stream().mapToLong(p -> p.report().quantity()).sum()).isEqualTo(9_100);
    assertThat(reports.stream().mapToLong(p -> p.report().beneficiaries()).sum())
        .isEqualTo(530_000);
    assertThat(reports)
        .allSatisfy(
            p -> {
              assertThat(p.report().quantity()).isBetween(1, 100_000);
              assertThat(p.report().beneficiaries()).isBetween(0L, 10_000_000L);
              assertThat(p.report().completedAt().toLocalDate())
                  .isBetween(DemoPlan.FIRST_DAY, DemoPlan.LAST_DAY);
              assertThat(p.officeRegion()).isEqualTo("3304");
            });
  }

  @Test
  void smallFiguresNeverMakeEmptyReports() {
    DemoPlan.Figure projects =
        new DemoPlan.Figure("t", List.of("370000"), "practical-deeds", "key-project-listed", 3, 0);
    assertThat(DemoPlan.split(projects))
        .hasSize(2)
        .extracting(p -> p.report().quantity())
        .containsExactly(2, 1);
  }

  @Test
  void idsAreFixedAndDistinctSoASecondRunAddsNothing() {
    List<UUID> first = plan.reports().stream().map(p -> p.report().reportId()).toList();
    List<UUID> second =
        DemoPlan.article(regions).reports().stream().map(p -> p.report().reportId()).toList();
    assertThat(second).isEqualTo(first);
    Set<UUID> distinct = new HashSet<>(first);
    assertThat(distinct).hasSameSizeAs(first);
    assertThat(first.get(0).version()).isEqualTo(3);
  }

  @Test
  void officesFileOnlyInsideTheirRegion() {
    assertThat(plan.reports())
        .allSatisfy(p -> assertThat(p.report().regionCode()).startsWith(p.officeRegion()));
    assertThat(DemoPlan.officeOf("370000")).isEqualTo("37");
    assertThat(DemoPlan.officeOf("320100")).isEqualTo("3201");
    assertThat(DemoPlan.officeOf("330281")).isEqualTo("3302");
  }
}
