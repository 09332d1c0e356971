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
  private final MultiGauge reports;
  private final MultiGauge quantity;
  private final MultiGauge beneficiaries;

  public BusinessGauges(TotalsRepository totals, TaskUnits units, MeterRegistry registry) {
    this.totals = totals;
    this.units = units;
    this.reports =
        MultiGauge.builder("shishi.rollup.reports")
            .description("Reports counted, all time, net of withdrawals")
            .register(registry);
    this.quantity =
        MultiGauge.builder("shishi.rollup.quantity")
            .description(
                "Sum of the counted reports' quantity, all time, in the kind of task's unit"
                    + " (tag unit: never add two units)")
            .register(registry);
    this.beneficiaries =
        MultiGauge.builder("shishi.rollup.beneficiaries")
            .description("Sum of the counted reports' beneficiaries, all time")
            .register(registry);
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
      reports.register(
          rows(rows, "program", ProvinceTotal::program, t -> t.totals().reports()), true);
      quantity.register(quantities(rows), true);
      beneficiaries.register(
          rows(rows, "task_type", ProvinceTotal::taskType, t -> t.totals().beneficiaries()), true);
    } catch (RuntimeException e) {
      LOG.debugf("business gauges not refreshed: %s", e);
    }
  }

  /** Quantity per province and kind of task, tagged with the kind of task's unit. */
  private List<MultiGauge.Row<?>> quantities(List<ProvinceTotal> rows) {
    Map<List<String>, Long> sums =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    row -> List.of(row.province(), row.taskType()),
                    Collectors.summingLong(row -> row.totals().quantity())));
    return sums.entrySet().stream()
        .<MultiGauge.Row<?>>map(
            sum -> {
              String taskType = sum.getKey().get(1);
              return MultiGauge.Row.of(
                  Tags.of(
                      "province", sum.getKey().get(0),
                      "task_type", taskType,
                      "unit", units.of(taskType)),
                  sum.getValue());
            })
        .toList();
  }

  private static List<MultiGauge.Row<?>> rows(
      List<ProvinceTotal> rows,
      String tag,
      Function<ProvinceTotal, String> value,
      ToLongFunction<ProvinceTotal> measure) {
    Map<List<String>, Long> sums =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    row -> List.of(row.province(), value.apply(row)),
                    Collectors.summingLong(measure)));
    return sums.entrySet().stream()
        .<MultiGauge.Row<?>>map(
            sum ->
                MultiGauge.Row.of(
                    Tags.of("province", sum.getKey().get(0), tag, sum.getKey().get(1)),
                    sum.getValue()))
        .toList();
  }
}
