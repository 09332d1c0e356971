package cn.shishi.aggregator.query;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The unit each kind of task's quantity counts in, from the catalogue. A kind of task without one
 * is its own unit, named by its code (ADR 0009), so that its quantity is never added to another's.
 */
@ApplicationScoped
public class TaskUnits {
  private final CatalogRegistry catalog;

  public TaskUnits(CatalogRegistry catalog) {
    this.catalog = catalog;
  }

  /** Every kind of task with a unit: code to unit. */
  public Map<String, String> all() {
    Map<String, String> units = new HashMap<>();
    for (CatalogEntry entry : catalog.list(CatalogKind.TASK_TYPE)) {
      if (entry.unit() != null) {
        units.put(entry.code(), entry.unit());
      }
    }
    return units;
  }

  /** The unit of one kind of task. */
  public String of(String taskType) {
    return catalog.find(CatalogKind.TASK_TYPE, taskType).map(CatalogEntry::unit).orElse(taskType);
  }
}
