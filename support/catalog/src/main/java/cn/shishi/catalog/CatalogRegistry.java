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

  /**
   * Applies a change read from the topic; a malformed one is refused, and so is one that would
   * change the unit a kind of task counts in (ADR 0009: the quantities already counted were counted
   * in it). The ingest's API refuses such a change; anyone who can write to the topic could still
   * send one. A change that names no unit (written before kinds of task had one) keeps the unit.
   */
  public void apply(CatalogChange change) {
    if (change.schemaVersion() != CatalogChange.SCHEMA_VERSION
        || !CatalogEntry.isValidCode(change.code())
        || change.name() == null
        || change.name().isBlank()
        || hasControls(change.name(), false)
        || (change.description() != null && hasControls(change.description(), true))) {
      throw new IllegalArgumentException("not a valid catalogue change: " + change);
    }
    Map<String, CatalogEntry> ofKind = entries.get(CatalogKind.ofCode(change.kind()));
    CatalogEntry entry = change.entry();
    String unit =
        Optional.ofNullable(ofKind.get(change.code())).map(CatalogEntry::unit).orElse(null);
    if (unit != null && entry.unit() == null) {
      entry = new CatalogEntry(entry.code(), entry.name(), entry.description(), unit);
    } else if (unit != null && !unit.equals(entry.unit())) {
      throw new IllegalArgumentException(
          "the kind of task " + change.code() + " counts in " + unit + "; refused: " + change);
    }
    ofKind.put(change.code(), entry);
  }

  /**
   * Control characters (a NUL, which PostgreSQL refuses, stopped the aggregator's labels), line
   * breaks and tabs aside where {@code breaksAllowed}.
   */
  private static boolean hasControls(String text, boolean breaksAllowed) {
    return text.codePoints()
        .anyMatch(
            c ->
                Character.isISOControl(c)
                    && !(breaksAllowed && (c == '\n' || c == '\r' || c == '\t')));
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
