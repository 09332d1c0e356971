package cn.shishi.bench;

import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The article's figures (../shared/domain.md, 14 May 2021) as reports: each figure is split over
 * the counties (or city / province offices) that did the work and over the campaign's days, with
 * quantities and audiences divided so that the reports add up exactly to the figure.
 */
final class DemoPlan {
  /** The campaign's days before the Jiaxing symposium; the comparison reads this span. */
  static final LocalDate FIRST_DAY = LocalDate.of(2021, 2, 1);

  static final LocalDate LAST_DAY = LocalDate.of(2021, 5, 13);

  /** One figure of the article, to be reported by offices of {@code regionCodes}. */
  record Figure(
      String key,
      List<String> regionCodes,
      String program,
      String taskType,
      long quantity,
      long beneficiaries) {}

  /** A line of the final comparison: a question to the totals and the article's answer. */
  record Check(String label, String scope, String taskType, long quantity, long beneficiaries) {}

  /** A commitment the article names, set as a target for 2021. */
  record Commitment(String label, String region, String taskType, long quantity) {}

  /**
   * The article's commitments: 福建 lists 8,788 livelihood projects (and reports 2,959 completed); 山东
   * (82 provincial and 1,900 city projects), 江苏 (350) and 上海 (108) name key projects, whose
   * completion the article does not report (0 completed so far).
   */
  static final List<Commitment> COMMITMENTS =
      List.of(
          new Commitment("福建 livelihood projects", "35", "livelihood-problem-completed", 8_788),
          new Commitment("山东 key projects", "37", "key-project-completed", 1_982),
          new Commitment("江苏 key projects", "32", "key-project-completed", 350),
          new Commitment("上海 key projects", "31", "key-project-completed", 108));

  /** A demo report and the office that files it. */
  record Planned(Report report, String officeRegion) {}

  private final List<Figure> figures;
  private final List<Check> checks;

  private DemoPlan(List<Figure> figures, List<Check> checks) {
    this.figures = figures;
    this.checks = checks;
  }

  static DemoPlan article(Regions regions) {
    List<String> jiaxing = withOwnLevel(regions, "3304");
    List<String> zhejiangElsewhere =
        countiesOf(regions, "33", code -> !code.startsWith("3304") && !code.equals("330281"));
    List<String> fujian = countiesOf(regions, "35", code -> true);
    List<String> shandong = countiesOf(regions, "37", code -> true);
    List<String> jiangsu = countiesOf(regions, "32", code -> true);
    List<String> yuyao = List.of("330281");
    List<Figure> figures =
        List.of(
            new Figure("jx-visits", jiaxing, "practical-deeds", "household-visit", 334_700, 0),
            new Figure(
                "jx-enterprises", jiaxing, "enterprise-problems", "enterprise-visit", 11_500, 0),
            new Figure("jx-collected", jiaxing, "practical-deeds", "problem-collected", 44_000, 0),
            new Figure("jx-solved", jiaxing, "practical-deeds", "problem-solved", 38_000, 0),
            new Figure("jx-lectures", jiaxing, "practical-deeds", "lecture", 9_100, 530_000),
            new Figure("jx-risks", jiaxing, "practical-deeds", "risk-identified", 11_800, 0),
            new Figure("jx-disputes", jiaxing, "practical-deeds", "dispute-resolved", 2_800, 0),
            new Figure("jx-warm-nest", jiaxing, "warm-nest", "household-helped", 2_016, 0),
            new Figure("yy-lectures", yuyao, "practical-deeds", "lecture", 1_000, 400_000),
            new Figure(
                "yy-volunteers", yuyao, "party-members-nearby", "volunteer-service", 1_500, 0),
            new Figure(
                "yy-enterprise-needs", yuyao, "four-services", "enterprise-need-solved", 1_400, 0),
            // 浙江's 45,000 lectures and 20,000,000 listeners include 嘉兴's and 余姚's.
            new Figure(
                "zj-lectures",
                zhejiangElsewhere,
                "practical-deeds",
                "lecture",
                45_000 - 9_100 - 1_000,
                20_000_000 - 530_000 - 400_000),
            new Figure(
                "fj-listed", fujian, "practical-deeds", "livelihood-problem-listed", 8_788, 0),
            new Figure(
                "fj-completed",
                fujian,
                "practical-deeds",
                "livelihood-problem-completed",
                2_959,
                0),
            new Figure("fj-lectures", fujian, "practical-deeds", "lecture", 30_000, 5_000_000),
            new Figure("sd-lectures", shandong, "practical-deeds", "lecture", 50_000, 8_000_000),
            new Figure(
                "sd-province-projects",
                List.of("370000"),
                "practical-deeds",
                "key-project-listed",
                82,
                0),
            new Figure(
                "sd-city-projects",
                citiesOf(regions, "37"),
                "practical-deeds",
                "key-project-listed",
                1_900,
                0),
            new Figure("js-lectures", jiangsu, "practical-deeds", "lecture", 16_700, 0),
            new Figure(
                "js-city-projects",
                citiesOf(regions, "32"),
                "practical-deeds",
                "key-project-listed",
                350,
                0),
            new Figure(
                "sh-projects", List.of("310000"), "practical-deeds", "key-project-listed", 108, 0));
    List<Check> checks =
        List.of(
            new Check("嘉兴 households visited", "3304", "household-visit", 334_700, 0),
            new Check("嘉兴 enterprises visited", "3304", "enterprise-visit", 11_500, 0),
            new Check("嘉兴 problems collected", "3304", "problem-collected", 44_000, 0),
            new Check("嘉兴 problems solved", "3304", "problem-solved", 38_000, 0),
            new Check("嘉兴 lectures / attendees", "3304", "lecture", 9_100, 530_000),
            new Check("嘉兴 risks identified", "3304", "risk-identified", 11_800, 0),
            new Check("嘉兴 disputes resolved", "3304", "dispute-resolved", 2_800, 0),
            new Check("嘉兴 暖巢 households helped", "3304", "household-helped", 2_016, 0),
            new Check("余姚 lectures / attendees", "330281", "lecture", 1_000, 400_000),
            new Check("余姚 volunteer services", "330281", "volunteer-service", 1_500, 0),
            new Check("余姚 enterprise needs solved", "330281", "enterprise-need-solved", 1_400, 0),
            new Check("浙江 lectures / attendees", "33", "lecture", 45_000, 20_000_000),
            new Check("福建 livelihood problems listed", "35", "livelihood-problem-listed", 8_788, 0),
            new Check(
                "福建 livelihood problems completed", "35", "livelihood-problem-completed", 2_959, 0),
            new Check("福建 lectures / attendees", "35", "lecture", 30_000, 5_000_000),
            new Check("山东 lectures / attendees", "37", "lecture", 50_000, 8_000_000),
            new Check("山东 key projects (82 + 1,900)", "37", "key-project-listed", 1_982, 0),
            new Check("江苏 lectures", "32", "lecture", 16_700, 0),
            new Check("江苏 city key projects", "32", "key-project-listed", 350, 0),
            new Check("上海 key projects", "31", "key-project-listed", 108, 0));
    return new DemoPlan(figures, checks);
  }

  List<Figure> figures() {
    return figures;
  }

  List<Check> checks() {
    return checks;
  }

  /**
   * Every report of the plan, in a fixed order with fixed ids: running it twice changes nothing.
   */
  List<Planned> reports() {
    List<Planned> planned = new ArrayList<>();
    for (Figure figure : figures) {
      planned.addAll(split(figure));
    }
    return planned;
  }

  /**
   * How many reports a figure becomes: enough for every office to file some and for no report to
   * exceed a few hundred tasks, few enough to post in seconds.
   */
  static int reportCount(Figure figure) {
    long wanted = Math.max(2L * figure.regionCodes().size(), (figure.quantity() + 399) / 400);
    return (int) Math.min(figure.quantity(), wanted);
  }

  static List<Planned> split(Figure figure) {
    int n = reportCount(figure);
    int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    List<Planned> planned = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String region = figure.regionCodes().get(i % figure.regionCodes().size());
      // A stride coprime with the span scatters a figure's reports over all of its days.
      LocalDate day = FIRST_DAY.plusDays((i * 37L) % days);
      OffsetDateTime completedAt =
          OffsetDateTime.of(day, LocalTime.of(9 + i % 9, 0), ReportFactory.CHINA);
      UUID id =
          UUID.nameUUIDFromBytes(
              ("shishi-demo/" + figure.key() + "/" + i).getBytes(StandardCharsets.UTF_8));
      Report report =
          new Report(
              id,
              region,
              figure.program(),
              figure.taskType(),
              (int) share(figure.quantity(), n, i),
              share(figure.beneficiaries(), n, i),
              completedAt,
              null);
      planned.add(new Planned(report, officeOf(region)));
    }
    return planned;
  }

  /** Part {@code i} of {@code total} split in {@code n}: the parts differ by at most one. */
  static long share(long total, int n, int i) {
    return total / n + (i < total % n ? 1 : 0);
  }

  /** The office that files for a region: a county's or city's city office, a province's own. */
  static String officeOf(String regionCode) {
    return regionCode.endsWith("0000") ? regionCode.substring(0, 2) : regionCode.substring(0, 4);
  }

  /** The query of {@code /api/v1/totals} a scope code (2, 4 or 6 digits) stands for. */
  static String scopeParameter(String scope) {
    return switch (scope.length()) {
      case 2 -> "province";
      case 4 -> "city";
      default -> "county";
    };
  }

  /** What the plan itself puts in a check's scope: must equal the article's figure. */
  long[] planned(Check check) {
    long quantity = 0;
    long beneficiaries = 0;
    for (Planned p : reports()) {
      Report r = p.report();
      if (r.regionCode().startsWith(check.scope()) && r.taskType().equals(check.taskType())) {
        quantity += r.quantity();
        beneficiaries += r.beneficiaries();
      }
    }
    return new long[] {quantity, beneficiaries};
  }

  private static List<String> withOwnLevel(Regions regions, String city) {
    List<String> codes = new ArrayList<>();
    codes.add(city + "00");
    regions.children(city).forEach(county -> codes.add(county.code()));
    return codes;
  }

  private static List<String> citiesOf(Regions regions, String province) {
    return regions.children(province).stream().map(Region::fullCode).toList();
  }

  private static List<String> countiesOf(Regions regions, String province, Predicate<String> keep) {
    List<String> codes = new ArrayList<>();
    for (Region city : regions.children(province)) {
      for (Region county : regions.children(city.code())) {
        if (keep.test(county.code())) {
          codes.add(county.code());
        }
      }
    }
    return codes;
  }
}
