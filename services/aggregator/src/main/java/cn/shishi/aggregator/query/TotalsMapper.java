package cn.shishi.aggregator.query;

import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps rollup rows to the API model, naming every code. */
@ApplicationScoped
public class TotalsMapper {
  private final Regions regions;
  private final CatalogRegistry catalog;

  public TotalsMapper(Regions regions, CatalogRegistry catalog) {
    this.regions = regions;
    this.catalog = catalog;
  }

  public TotalsPage toPage(TotalsQuery query, List<TotalsRow> rows, Optional<Instant> asOf) {
    boolean hasMore = rows.size() > query.limit();
    List<TotalsPage.Row> page = rows.stream().limit(query.limit()).map(this::toRow).toList();
    return new TotalsPage(
        asOf.orElse(null),
        query.groupBy().stream().map(Dimension::apiName).toList(),
        page,
        query.limit(),
        query.offset(),
        hasMore);
  }

  private TotalsPage.Row toRow(TotalsRow row) {
    Map<String, String> group = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    row.group()
        .forEach(
            (dimension, value) -> {
              group.put(dimension.apiName(), value);
              name(dimension, value).ifPresent(name -> names.put(dimension.apiName(), name));
            });
    Quantities quantities = row.quantities();
    return new TotalsPage.Row(
        group,
        names.isEmpty() ? null : names,
        row.reports(),
        quantities.single().orElse(null),
        quantities.singleUnit().orElse(null),
        quantities.byUnit(),
        row.beneficiaries());
  }

  /** The Chinese name of a region, program or kind of task; none for days and months. */
  public Optional<String> name(Dimension dimension, String value) {
    return switch (dimension) {
      case PROVINCE, CITY, COUNTY -> Optional.of(regions.nameOf(value));
      case PROGRAM -> catalog.find(CatalogKind.PROGRAM, value).map(CatalogEntry::name);
      case TASK_TYPE -> catalog.find(CatalogKind.TASK_TYPE, value).map(CatalogEntry::name);
      case DAY, MONTH -> Optional.empty();
    };
  }
}
