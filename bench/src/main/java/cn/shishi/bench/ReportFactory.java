package cn.shishi.bench;

import cn.shishi.catalog.ProvincePopulation;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Realistic reports for the load generator: a county, city or province office of a province drawn
 * by population, a program with a kind of task it plausibly does, small quantities, audiences for
 * lectures, a Chinese note now and then, and a completion time within the last hours (or days, when
 * late).
 */
final class ReportFactory {
  static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  /** A kind of task, a program that does it, and how many people one such task reaches. */
  private record Work(String program, String taskType, int maxBeneficiaries, String note) {}

  private static final List<Work> WORK =
      List.of(
          new Work("practical-deeds", "household-visit", 6, "入户走访，了解群众急难愁盼"),
          new Work("practical-deeds", "problem-collected", 3, "收集群众反映的问题"),
          new Work("practical-deeds", "problem-solved", 20, "协调解决小区停车难问题"),
          new Work("practical-deeds", "lecture", 400, "党史学习教育宣讲"),
          new Work("practical-deeds", "livelihood-problem-listed", 50, null),
          new Work("practical-deeds", "livelihood-problem-completed", 50, "民生实事办结"),
          new Work("enterprise-problems", "enterprise-visit", 30, "走访企业，听取发展诉求"),
          new Work("four-services", "enterprise-need-solved", 80, null),
          new Work("grassroots-burden", "risk-identified", 0, null),
          new Work("practical-deeds", "dispute-resolved", 4, "调解邻里纠纷"),
          new Work("warm-nest", "household-helped", 5, "完成适老化改造"),
          new Work("party-members-nearby", "volunteer-service", 60, "党员志愿服务进社区"),
          new Work("martyrs-families", "household-visit", 4, "看望烈属"));

  // The regions an office may file for, by the office's region: a province, or one of its cities.
  private final Map<String, List<String>> codesByOffice = new LinkedHashMap<>();
  private final Map<String, List<String>> officesByProvince = new LinkedHashMap<>();
  private final ProvincePopulation population;

  ReportFactory(Regions regions, ProvincePopulation population) {
    for (Region province : regions.children(null)) {
      List<String> codes = new ArrayList<>();
      List<String> offices = new ArrayList<>(List.of(province.code()));
      codes.add(province.fullCode());
      for (Region city : regions.children(province.code())) {
        List<String> cityCodes = new ArrayList<>(List.of(city.fullCode()));
        for (Region county : regions.children(city.code())) {
          cityCodes.add(county.fullCode());
        }
        codes.addAll(cityCodes);
        codesByOffice.put(city.code(), List.copyOf(cityCodes));
        offices.add(city.code());
      }
      codesByOffice.put(province.code(), List.copyOf(codes));
      officesByProvince.put(province.code(), List.copyOf(offices));
    }
    this.population = population;
  }

  /** The catalogue's regions, and the provinces weighted by the 2020 census. */
  static ReportFactory load() {
    return new ReportFactory(Regions.load(), ProvincePopulation.load());
  }

  /**
   * One of the 31 mainland provinces, drawn in proportion to its population: the load (and the
   * Kafka partitions, keyed by province) is then as uneven as the offices' reports, with some 35
   * reports from Guangdong for every one from Tibet.
   */
  String randomProvince() {
    return population.draw(ThreadLocalRandom.current());
  }

  /**
   * A filing office's region: a province drawn by population, then the province's own office or one
   * of its cities' offices, evenly (the weights docs/adr/0012's assignment is planned on).
   */
  String randomOffice() {
    List<String> offices = officesByProvince.get(randomProvince());
    return offices.get(ThreadLocalRandom.current().nextInt(offices.size()));
  }

  /** A report done today (or {@code lateDays} ago) by the office of {@code office}'s region. */
  Report report(String office, int lateDays) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<String> codes = codesByOffice.get(office);
    Work work = WORK.get(random.nextInt(WORK.size()));
    // Most tasks are reported one by one; a few offices report a day's work at once.
    int quantity = random.nextInt(10) < 8 ? 1 : 1 + random.nextInt(20);
    long beneficiaries =
        work.maxBeneficiaries() == 0
            ? 0
            : (long) quantity * random.nextInt(work.maxBeneficiaries());
    // A margin of a minute keeps clear of the ingest's "not in the future" rule.
    OffsetDateTime completedAt =
        OffsetDateTime.now(CHINA)
            .minusMinutes(1 + random.nextInt(360))
            .minus(Duration.ofDays(lateDays))
            .withNano(0);
    return new Report(
        UUID.randomUUID(),
        codes.get(random.nextInt(codes.size())),
        work.program(),
        work.taskType(),
        quantity,
        beneficiaries,
        completedAt,
        random.nextBoolean() ? work.note() : null);
  }

  /** A body the contract rejects (422): one of the mistakes offices make. */
  static ObjectNode invalid(Report valid) {
    ObjectNode body = valid.toJson();
    switch (ThreadLocalRandom.current().nextInt(4)) {
      case 0 -> body.put("quantity", 0);
      case 1 -> body.put("program", "no-such-program");
      case 2 -> body.remove("completedAt");
      default -> body.put("completedAt", "2020-12-31T10:00:00+08:00");
    }
    return body;
  }
}
