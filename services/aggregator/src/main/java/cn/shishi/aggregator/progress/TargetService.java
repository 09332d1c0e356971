package cn.shishi.aggregator.progress;

import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.query.RegionScope;
import cn.shishi.aggregator.query.TaskUnits;
import cn.shishi.aggregator.query.TotalsMapper;
import cn.shishi.aggregator.query.TotalsQuery;
import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import cn.shishi.aggregator.query.TotalsService;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Regions;
import cn.shishi.contract.report.Violation;
import cn.shishi.web.Caller;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.OutsideRegionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Targets and progress against them. A manager sets targets inside their region, an admin anywhere;
 * every change is kept ({@code target_change}) and logged as an admin action, in one transaction.
 */
@ApplicationScoped
public class TargetService {
  static final int MAX_LIST = 5000;
  private static final Set<Dimension> PROGRESS_DIMENSIONS =
      Set.of(
          Dimension.PROVINCE,
          Dimension.CITY,
          Dimension.COUNTY,
          Dimension.PROGRAM,
          Dimension.TASK_TYPE);

  private final TargetRepository targets;
  private final TargetRules rules;
  private final TaskUnits units;
  private final TotalsService totals;
  private final AuditLog audit;
  private final TotalsMapper mapper;
  private final Clock clock;

  public TargetService(
      TargetRepository targets,
      TaskUnits units,
      TotalsService totals,
      AuditLog audit,
      Regions regions,
      CatalogRegistry catalog,
      TotalsMapper mapper,
      Clock clock) {
    this.targets = targets;
    this.rules = new TargetRules(regions, catalog);
    this.units = units;
    this.totals = totals;
    this.audit = audit;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Sets a target (a new one, or a new quantity for the same key) and records the change. */
  @Transactional
  public Target set(TargetRequest request, Caller caller, Actor actor) {
    TargetRepository.Key key = rules.check(request);
    RegionScope.requireCovers(caller, key.region());
    Instant now = clock.instant();
    String by = actor.name() == null ? caller.subject() : actor.name();
    Optional<Long> before = targets.set(key, request.quantity(), by, now, request.note());
    audit.record(
        actor,
        "target-set",
        "%s/%s/%s/%s..%s"
            .formatted(key.region(), key.program(), key.taskType(), key.from(), key.to()),
        "%s -> %d".formatted(before.map(String::valueOf).orElse("none"), request.quantity()));
    return new Target(
        key.region(),
        key.program(),
        key.taskType(),
        key.from(),
        key.to(),
        request.quantity(),
        units.of(key.taskType()),
        by,
        now);
  }

  /** The targets the caller may see: inside their region, or all for auditors and admins. */
  public List<Target> list(Caller caller) {
    return targets.list(scope(caller), units.all(), MAX_LIST);
  }

  /** The changes of the targets the caller may see, newest first. */
  public List<TargetChange> history(Caller caller) {
    return targets.history(scope(caller), MAX_LIST);
  }

  private static String scope(Caller caller) {
    if (caller.roles().contains("admin") || RegionScope.seesNation(caller)) {
      return Caller.NATION;
    }
    if (caller.region() == null) {
      throw new OutsideRegionException("-", List.of(new Violation("", "token.region.missing")));
    }
    return caller.region();
  }

  /**
   * Progress against the targets of one region level: the level of the finest region the question
   * names or groups by (a province's own targets for {@code province=35}, its cities' for {@code
   * groupBy=city}), so that a province's target and its cities' are never added together.
   */
  public ProgressPage progress(TotalsQuery query, Caller caller) {
    if (!PROGRESS_DIMENSIONS.containsAll(query.groupBy())) {
      throw new InvalidRequestException("/groupBy", "progress.groupBy");
    }
    TotalsQuery scoped = totals.scoped(query, caller);
    int level = scoped.regionLevel();
    List<TargetRepository.ProgressRow> rows =
        targets.progress(scoped, level, units.all(), totals.timeout(caller));
    List<ProgressPage.Row> page = rows.stream().limit(scoped.limit()).map(this::toRow).toList();
    return new ProgressPage(
        switch (level) {
          case 2 -> "province";
          case 4 -> "city";
          default -> "county";
        },
        scoped.groupBy().stream().map(Dimension::apiName).toList(),
        page,
        scoped.limit(),
        scoped.offset(),
        rows.size() > scoped.limit());
  }

  /** Province-level progress per province, program and unit: what the gauge publishes. */
  public List<TargetRepository.ProgressRow> provinceProgress(java.time.Duration timeout) {
    TotalsQuery all =
        new TotalsQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(Dimension.PROVINCE, Dimension.PROGRAM),
            MAX_LIST,
            0);
    return targets.progress(all, 2, units.all(), timeout);
  }

  private ProgressPage.Row toRow(TargetRepository.ProgressRow row) {
    Map<String, String> group = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    row.group()
        .forEach(
            (dimension, value) -> {
              group.put(dimension.apiName(), value);
              mapper.name(dimension, value).ifPresent(name -> names.put(dimension.apiName(), name));
            });
    Completion completion = new Completion(row.target(), row.achieved());
    return new ProgressPage.Row(
        group,
        names.isEmpty() ? null : names,
        row.unit(),
        row.targets(),
        row.target(),
        row.achieved(),
        completion.ratio(),
        completion.remaining());
  }
}
