package cn.shishi.aggregator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Random but valid reports over a few provinces, cities and counties, including city- and
 * province-level offices, on days of a given month: enough variety for the hierarchy and the
 * rebuild to be tested, seeded so that a failure can be replayed.
 */
public final class RandomReports {
  static final List<String> REGIONS =
      List.of(
          "330402", "330411", "330421", "330481", "330400", "330281", "330203", "330000", "350102",
          "350104", "350100", "350203", "350000", "110101", "110105");
  static final List<String> PROGRAMS =
      List.of("practical-deeds", "warm-nest", "enterprise-problems");
  static final List<String> TASK_TYPES = List.of("household-visit", "lecture", "problem-solved");

  private final Random random;
  private final LocalDate firstDay;
  private final int days;

  public RandomReports(long seed, LocalDate firstDay, int days) {
    this.random = new Random(seed);
    this.firstDay = firstDay;
    this.days = days;
  }

  public ObjectNode next() {
    ObjectNode event =
        Pipeline.report(
            pick(REGIONS),
            firstDay.plusDays(random.nextInt(days))
                + "T"
                + (8 + random.nextInt(12))
                + ":15:00+08:00",
            1 + random.nextInt(50));
    event.put("program", pick(PROGRAMS));
    event.put("taskType", pick(TASK_TYPES));
    event.put("beneficiaries", random.nextInt(500));
    event.put("officeId", "office-" + random.nextInt(5));
    return event;
  }

  public boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
