package cn.shishi.aggregator.ops;

import cn.shishi.aggregator.query.TaskUnits;
import cn.shishi.aggregator.query.TotalsRepository;
import cn.shishi.aggregator.query.TotalsRepository.ProvinceTotal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The authoritative totals as gauges, read from PostgreSQL every few seconds (a few hundred rows of
 * {@code province_total}); the consumer's lag is in {@code offsets.OffsetGauges}. Any instance
 * reports the same values: aggregate them across instances with {@code max}, never {@code sum}
 * (docs/metrics.md).
 */
@ApplicationScoped
public class BusinessGauges {
  private static final Logger LOG = Logger.getLogger(BusinessGauges.class);

  private final TotalsRepository totals;
  private final TaskUnits units;
  private final CodeLabels codes;
  private final GaugeRows reports;
  private final GaugeRows quantity;
  private final GaugeRows beneficiaries;

  public BusinessGauges(
      TotalsRepository totals, TaskUnits units, CodeLabels codes, MeterRegistry registry) {
    this.totals = totals;
    this.units = units;
    this.codes = codes;
    this.reports =
        new GaugeRows(
            MultiGauge.builder("shishi.rollup.reports")
                .description("Reports counted, all time, net of withdrawals")
                .register(registry));
    this.quantity =
        new GaugeRows(
            MultiGauge.builder("shishi.rollup.quantity")
                .description(
                    "Sum of the counted reports' quantity, all time, in the kind of task's unit"
                        + " (tag unit: never add two units)")
                .register(registry));
    this.beneficiaries =
        new GaugeRows(
            MultiGauge.builder("shishi.rollup.beneficiaries")
                .description("Sum of the counted reports' beneficiaries, all time")
                .register(registry));
  }

  /**
   * Reads the totals now and publishes them; every {@code shishi.aggregator.gauge-refresh} (5 s;
   * {@code off} turns it off).
   */
  @Scheduled(
      every = "${shishi.aggregator.gauge-refresh}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void refresh() {
    try {
      List<ProvinceTotal> rows = totals.provinceTotals();
      reports.publish(
          sums(
              rows,
              row -> tags(row, "program", codes.program(row.program())),
              t -> t.totals().reports()));
      // A kind of task the catalogue does not know has no unit to sum its quantities in.
      quantity.publish(
          sums(
              rows.stream().filter(row -> codes.known(row.taskType())).toList(),
              row -> tags(row, "task_type", row.taskType()).and("unit", units.of(row.taskType())),
              t -> t.totals().quantity()));
      beneficiaries.publish(
          sums(
              rows,
              row -> tags(row, "task_type", codes.taskType(row.taskType())),
              t -> t.totals().beneficiaries()));
    } catch (RuntimeException e) {
      LOG.debugf("business gauges not refreshed: %s", e);
    }
  }

  private static Tags tags(ProvinceTotal row, String tag, String value) {
    return Tags.of("province", row.province(), tag, value);
  }

  private static Map<Tags, Long> sums(
      List<ProvinceTotal> rows,
      Function<ProvinceTotal, Tags> tags,
      ToLongFunction<ProvinceTotal> measure) {
    return rows.stream().collect(Collectors.groupingBy(tags, Collectors.summingLong(measure)));
  }
}
