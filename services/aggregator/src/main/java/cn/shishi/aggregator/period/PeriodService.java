package cn.shishi.aggregator.period;

import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.query.RegionScope;
import cn.shishi.aggregator.query.TaskUnits;
import cn.shishi.catalog.Regions;
import cn.shishi.contract.PlainText;
import cn.shishi.contract.report.ReportValidator;
import cn.shishi.contract.report.Violation;
import cn.shishi.web.Caller;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Closed months: a manager closes a month of their region and its figures are published as they
 * stand; later reports of that month still count, as restatements beside the published figures;
 * only an admin reopens a month, with a reason. Each step is logged as an admin action.
 */
@ApplicationScoped
public class PeriodService {
  static final int RESTATEMENTS_SHOWN = 1000;
  static final int MAX_REASON = 500;

  private final PeriodRepository periods;
  private final TaskUnits units;
  private final AuditLog audit;
  private final Regions regions;
  private final Clock clock;
  private final String topic;

  public PeriodService(
      PeriodRepository periods,
      TaskUnits units,
      AuditLog audit,
      Regions regions,
      Clock clock,
      AggregatorConfig config) {
    this.periods = periods;
    this.units = units;
    this.audit = audit;
    this.regions = regions;
    this.clock = clock;
    this.topic = config.topic();
  }

  /** Closes a month that has ended; 409 when it is closed already. */
  @Transactional
  public PeriodView close(String region, String month, Caller caller, Actor actor) {
    YearMonth period = check(region, month);
    RegionScope.requireCovers(caller, region);
    if (!period.atEndOfMonth().isBefore(LocalDate.now(clock.withZone(ReportValidator.CHINA)))) {
      throw new InvalidRequestException("/month", "period.not-over", month);
    }
    periods
        .close(topic, region, period.atDay(1), by(caller, actor), clock.instant())
        .orElseThrow(
            () ->
                new ProblemException(
                    Response.Status.CONFLICT, "period-closed", "period.closed", region, month));
    audit.record(actor, "period-close", region + "/" + month, null);
    return view(region, period);
  }

  /** Reopens a closed month (admins only), with the reason recorded. */
  @Transactional
  public PeriodView reopen(
      String region, String month, ReopenRequest request, Caller caller, Actor actor) {
    YearMonth period = check(region, month);
    String reason = request == null ? null : request.reason();
    if (reason == null
        || reason.isBlank()
        || PlainText.length(reason) > MAX_REASON
        || !PlainText.isPlainText(reason)) {
      throw new InvalidRequestException("/reason", "period.reason", MAX_REASON);
    }
    if (!periods.reopen(region, period.atDay(1), by(caller, actor), clock.instant(), reason)) {
      throw new ProblemException(
          Response.Status.CONFLICT, "period-not-closed", "period.not-closed", region, month);
    }
    audit.record(actor, "period-reopen", region + "/" + month, reason);
    return view(region, period);
  }

  /** A month as published and as now, for a caller who may see the region. */
  public PeriodView view(String region, String month, Caller caller) {
    YearMonth period = check(region, month);
    if (!RegionScope.seesNation(caller) && !caller.roles().contains("admin")) {
      RegionScope.requireCovers(caller, region);
    }
    return view(region, period);
  }

  private PeriodView view(String region, YearMonth month) {
    LocalDate first = month.atDay(1);
    Map<PeriodRepository.Cell, PeriodFigures> now = periods.now(region, first);
    return periods
        .last(region, first)
        .map(
            close -> {
              Map<PeriodRepository.Cell, PeriodFigures> published = periods.published(close.id());
              return new PeriodView(
                  region,
                  regions.nameOf(region),
                  month.toString(),
                  close.current() ? "closed" : "reopened",
                  close.closedBy(),
                  close.closedAt(),
                  close.reopenedBy(),
                  close.reopenedAt(),
                  close.reopenReason(),
                  rows(published, now),
                  periods.restatementCount(close.id()),
                  periods.restatements(close.id(), RESTATEMENTS_SHOWN));
            })
        .orElseGet(
            () ->
                new PeriodView(
                    region,
                    regions.nameOf(region),
                    month.toString(),
                    "open",
                    null,
                    null,
                    null,
                    null,
                    null,
                    rows(Map.of(), now),
                    0,
                    null));
  }

  private List<PeriodView.Row> rows(
      Map<PeriodRepository.Cell, PeriodFigures> published,
      Map<PeriodRepository.Cell, PeriodFigures> now) {
    TreeSet<PeriodRepository.Cell> cells = new TreeSet<>(published.keySet());
    cells.addAll(now.keySet());
    List<PeriodView.Row> rows = new ArrayList<>();
    for (PeriodRepository.Cell cell : cells) {
      PeriodFigures before = published.getOrDefault(cell, PeriodFigures.ZERO);
      PeriodFigures after = now.getOrDefault(cell, PeriodFigures.ZERO);
      rows.add(
          new PeriodView.Row(
              cell.program(),
              cell.taskType(),
              units.of(cell.taskType()),
              before,
              after,
              after.minus(before)));
    }
    return rows;
  }

  private YearMonth check(String region, String month) {
    List<Violation> errors = new ArrayList<>();
    if (region == null
        || !region.matches("\\d{2}|\\d{4}|\\d{6}")
        || regions.find(region).isEmpty()) {
      errors.add(new Violation("/region", "target.region"));
    }
    YearMonth period = null;
    try {
      period = month != null && month.matches("\\d{4}-\\d{2}") ? YearMonth.parse(month) : null;
    } catch (DateTimeParseException e) {
      period = null;
    }
    if (period == null) {
      errors.add(new Violation("/month", "period.month"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return period;
  }

  private static String by(Caller caller, Actor actor) {
    return actor.name() == null ? caller.subject() : actor.name();
  }
}
