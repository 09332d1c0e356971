package cn.shishi.aggregator.warmup;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.query.TotalsQuery;
import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import cn.shishi.aggregator.query.TotalsService;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.web.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Takes a freshly started aggregator through its dashboards' questions before it says it is ready:
 * {@code shishi.aggregator.warm-up-queries} questions of the shapes B4 measures (every province, a
 * province's cities in a month, a city into its counties, a county by day...), each answered by
 * {@link TotalsService} and written as JSON, across the catalogue's regions. Without it the first
 * minute of dashboards after a restart paid for the JIT compiling that path: B4's p99 over its
 * first run after a start was 0.8 to 3 s (docs/benchmarks.md). Whatever fails, the instance is
 * ready at the end; the database away, or 30 s gone, cuts it short.
 */
@ApplicationScoped
public class ReadWarmUp {
  private static final Logger LOG = Logger.getLogger(ReadWarmUp.class);
  // A national manager: the warm-up asks what dashboards ask, about every region.
  private static final Caller MANAGER =
      new Caller("warm-up", Set.of("manager"), Caller.NATION, null);

  private static final int PAGE = 100;
  // A database that answers slowly must not keep the instance unready: what is not warm by then
  // warms on the dashboards' own questions.
  private static final Duration BUDGET = Duration.ofSeconds(30);

  private final TotalsService totals;
  private final Regions regions;
  private final ObjectMapper json;
  private final ManagedExecutor executor;
  private final Clock clock;
  private final int queries;
  private volatile int answered;
  private volatile boolean done;

  public ReadWarmUp(
      TotalsService totals,
      Regions regions,
      ObjectMapper json,
      ManagedExecutor executor,
      Clock clock,
      AggregatorConfig config) {
    this.totals = totals;
    this.regions = regions;
    this.json = json;
    this.executor = executor;
    this.clock = clock;
    this.queries = config.warmUpQueries();
  }

  void start(@Observes StartupEvent event) {
    if (queries <= 0) {
      done = true;
      return;
    }
    executor.execute(this::run);
  }

  /** Whether the warm-up is over, done or cut short. */
  public boolean done() {
    return done;
  }

  /** The questions answered: all of them, unless it was cut short. */
  public int answered() {
    return answered;
  }

  private void run() {
    long started = System.nanoTime();
    try {
      List<Region> counties = counties();
      LocalDate today = LocalDate.now(clock.withZone(ReportValidator.CHINA));
      for (int i = 0; i < queries && elapsed(started) < BUDGET.toMillis(); i++) {
        ask(i, counties.get((int) ((long) i * 7919 % counties.size())), today);
        answered++;
      }
      LOG.infof("warmed up in %d ms: %d questions answered", elapsed(started), answered);
    } catch (RuntimeException | JsonProcessingException e) {
      LOG.warnf(
          "warm-up cut short after %d ms and %d questions: %s", elapsed(started), answered, e);
    } finally {
      done = true;
    }
  }

  /** Every county of the catalogue, for questions spread over the regions as dashboards' are. */
  private List<Region> counties() {
    return regions.children(null).stream()
        .flatMap(province -> regions.children(province.code()).stream())
        .flatMap(city -> regions.children(city.code()).stream())
        .toList();
  }

  /** The {@code i}th question, in turn one of each shape, about {@code county} and its parents. */
  private void ask(int i, Region county, LocalDate today) throws JsonProcessingException {
    String code = county.code();
    String province = code.substring(0, 2);
    String city = code.substring(0, 4);
    LocalDate month = today.withDayOfMonth(1);
    LocalDate monthEnd = month.plusMonths(1).minusDays(1);
    LocalDate year = today.withDayOfYear(1);
    LocalDate yearEnd = year.plusYears(1).minusDays(1);
    Duration timeout = totals.timeout(MANAGER);
    Object answer =
        switch (i % 8) {
          case 0 -> totals.page(question(null, null, null, Dimension.PROVINCE), timeout);
          case 1 ->
              totals.page(
                  question(province, null, null, Dimension.PROGRAM, Dimension.TASK_TYPE), timeout);
          case 2 -> totals.page(question(province, month, monthEnd, Dimension.CITY), timeout);
          case 3 -> totals.drillDown(city, question(null, month, monthEnd), MANAGER);
          case 4 -> totals.page(question(code, month, monthEnd, Dimension.DAY), timeout);
          case 5 -> totals.page(question(province, month, monthEnd, Dimension.DAY), timeout);
          case 6 ->
              totals.page(
                  question(city, year, yearEnd, Dimension.MONTH, Dimension.TASK_TYPE), timeout);
          default -> totals.page(question(null, year, yearEnd, Dimension.PROVINCE), timeout);
        };
    json.writeValueAsBytes(answer);
  }

  /** A question about a region (2, 4 or 6 digits; null: the nation), from and to (null: ever). */
  private static TotalsQuery question(
      String region, LocalDate from, LocalDate to, Dimension... groupBy) {
    TotalsQuery query =
        new TotalsQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.ofNullable(from),
            Optional.ofNullable(to),
            List.of(groupBy),
            PAGE,
            0);
    return region == null ? query : query.withRegion(region);
  }

  private static long elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }
}
