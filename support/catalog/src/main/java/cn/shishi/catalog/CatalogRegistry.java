package cn.shishi.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The programs and kinds of task a service knows: the seed, plus every change read from the
 * catalogue topic. Thread-safe; a later change of a code replaces its name and description.
 */
public final class CatalogRegistry {
  private final Map<CatalogKind, Map<String, CatalogEntry>> entries =
      new EnumMap<>(CatalogKind.class);

  public CatalogRegistry() {
    entries.put(CatalogKind.PROGRAM, index(SeedCatalog.programs()));
    entries.put(CatalogKind.TASK_TYPE, index(SeedCatalog.taskTypes()));
  }

  private static Map<String, CatalogEntry> index(List<CatalogEntry> seed) {
    Map<String, CatalogEntry> index = new ConcurrentHashMap<>();
    seed.forEach(entry -> index.put(entry.code(), entry));
    return index;
  }

  /** Applies a change read from the topic; a malformed one is refused. */
  public void apply(CatalogChange change) {
    if (change.schemaVersion() != CatalogChange.SCHEMA_VERSION
        || !CatalogEntry.isValidCode(change.code())
        || change.name() == null
        || change.name().isBlank()) {
      throw new IllegalArgumentException("not a valid catalogue change: " + change);
    }
    entries.get(CatalogKind.ofCode(change.kind())).put(change.code(), change.entry());
  }

  public boolean contains(CatalogKind kind, String code) {
    return code != null && entries.get(kind).containsKey(code);
  }

  public Optional<CatalogEntry> find(CatalogKind kind, String code) {
    return Optional.ofNullable(code == null ? null : entries.get(kind).get(code));
  }

  /** Every entry of a kind, by code. */
  public List<CatalogEntry> list(CatalogKind kind) {
    List<CatalogEntry> list = new ArrayList<>(entries.get(kind).values());
    list.sort(Comparator.comparing(CatalogEntry::code));
    return list;
  }
}
