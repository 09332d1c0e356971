package cn.shishi.aggregator.ops;

import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Catalogue codes as metric labels. The ingest takes only codes the catalogue knows, but anyone who
 * can write to the topic can send any well-formed code, and each would add series to every scrape
 * for good: a code the catalogue does not know is labelled {@value #OTHER} (the totals API still
 * shows it).
 */
@ApplicationScoped
public class CodeLabels {
  static final String OTHER = "other";

  /** What the applier counts a dead letter or a refused withdrawal under (docs/metrics.md). */
  private static final String UNREAD = "unknown";

  private final CatalogRegistry catalog;

  public CodeLabels(CatalogRegistry catalog) {
    this.catalog = catalog;
  }

  /** A known program's code; "unknown" (a record that could not be read) as it is; else other. */
  String program(String code) {
    return UNREAD.equals(code) || catalog.contains(CatalogKind.PROGRAM, code) ? code : OTHER;
  }

  String taskType(String code) {
    return known(code) ? code : OTHER;
  }

  /** Whether the catalogue knows this kind of task, and so the unit its quantities are in. */
  boolean known(String taskType) {
    return catalog.contains(CatalogKind.TASK_TYPE, taskType);
  }
}
