package cn.shishi.aggregator.metrics;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.persistence.TotalsRepository;
import cn.shishi.aggregator.persistence.TotalsRepository.ProvinceTotal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final AggregatorConfig config;
  private final MultiGauge reports;
  private final MultiGauge quantity;
  private final MultiGauge beneficiaries;
  private ScheduledExecutorService executor;

  public BusinessGauges(TotalsRepository totals, AggregatorConfig config, MeterRegistry registry) {
    this.totals = totals;
    this.config = config;
    this.reports =
        MultiGauge.builder("shishi.rollup.reports")
            .description("Reports counted, all time, net of withdrawals")
            .register(registry);
    this.quantity =
        MultiGauge.builder("shishi.rollup.quantity")
            .description("Sum of the counted reports' quantity, all time")
            .register(registry);
    this.beneficiaries =
        MultiGauge.builder("shishi.rollup.beneficiaries")
            .description("Sum of the counted reports' beneficiaries, all time")
            .register(registry);
  }

  void start(@Observes StartupEvent event) {
    long millis = config.gaugeRefresh().toMillis();
    if (millis <= 0) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "business-gauges"));
    executor.scheduleWithFixedDelay(this::refresh, 0, millis, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Reads the totals and the offsets now and publishes them. */
  public void refresh() {
    try {
      List<ProvinceTotal> rows = totals.provinceTotals();
      reports.register(
          rows(rows, "program", ProvinceTotal::program, t -> t.totals().reports()), true);
      quantity.register(
          rows(rows, "task_type", ProvinceTotal::taskType, t -> t.totals().quantity()), true);
      beneficiaries.register(
          rows(rows, "task_type", ProvinceTotal::taskType, t -> t.totals().beneficiaries()), true);
    } catch (RuntimeException e) {
      LOG.debugf("business gauges not refreshed: %s", e);
    }
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
