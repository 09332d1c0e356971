package cn.shishi.aggregator.reporting;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.RegionLevel;
import cn.shishi.catalog.Regions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the {@code label} table that the reporting views join: the names of regions (own-level
 * cells included, 浙江省（本级）) and of the catalogue's programs and kinds of task, with their units.
 * Written by the scheduler soon after start, off the start-up path, and every minute after (the
 * catalogue may grow); every instance writes the same rows.
 */
@ApplicationScoped
public class Labels {
  private static final Logger LOG = Logger.getLogger(Labels.class);

  private final DataSource dataSource;
  private final Regions regions;
  private final CatalogRegistry catalog;
  private volatile boolean regionsWritten;

  public Labels(DataSource dataSource, Regions regions, CatalogRegistry catalog) {
    this.dataSource = dataSource;
    this.regions = regions;
    this.catalog = catalog;
  }

  @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    Map<String, Label> labels = new LinkedHashMap<>();
    if (!regionsWritten) {
      regionLabels(labels);
    }
    for (CatalogKind kind : CatalogKind.values()) {
      String name = kind == CatalogKind.PROGRAM ? "program" : "task_type";
      for (CatalogEntry entry : catalog.list(kind)) {
        add(labels, new Label(name, entry.code(), entry.name(), entry.unit()));
      }
    }
    try {
      write(List.copyOf(labels.values()));
      regionsWritten = true;
    } catch (SQLException | RuntimeException e) {
      // The database may be down at start: the next minute writes them.
      LOG.warnf("names for the reporting views not written (next try in a minute): %s", e);
    }
  }

  /** One label per kind and code: a statement may not upsert the same row twice. */
  private static void add(Map<String, Label> labels, Label label) {
    labels.putIfAbsent(label.kind() + "/" + label.code(), label);
  }

  private void regionLabels(Map<String, Label> labels) {
    for (Region province : regions.children(null)) {
      addRegion(labels, province.code());
      addRegion(labels, province.code() + "00");
      for (Region city : regions.children(province.code())) {
        addRegion(labels, city.code());
        if (city.level() == RegionLevel.CITY) {
          addRegion(labels, city.code() + "00");
          regions.children(city.code()).forEach(county -> addRegion(labels, county.code()));
        }
      }
    }
  }

  private void addRegion(Map<String, Label> labels, String code) {
    add(labels, new Label("region", code, regions.nameOf(code), null));
  }

  private record Label(String kind, String code, String name, String unit) {}

  private void write(List<Label> labels) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO label (kind, code, name, unit) SELECT * FROM unnest(?, ?, ?, ?)"
                    + " ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name,"
                    + " unit = excluded.unit WHERE (label.name, label.unit)"
                    + " IS DISTINCT FROM (excluded.name, excluded.unit)")) {
      upsert.setArray(1, c.createArrayOf("text", labels.stream().map(Label::kind).toArray()));
      upsert.setArray(2, c.createArrayOf("text", labels.stream().map(Label::code).toArray()));
      upsert.setArray(3, c.createArrayOf("text", labels.stream().map(Label::name).toArray()));
      upsert.setArray(4, c.createArrayOf("text", labels.stream().map(Label::unit).toArray()));
      upsert.executeUpdate();
    }
  }
}
