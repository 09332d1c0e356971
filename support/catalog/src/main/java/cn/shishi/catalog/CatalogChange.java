package cn.shishi.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entry added (or renamed) by an admin: the value of a {@code shishi-catalog} record, keyed
 * {@code <kind>:<code>} on a compacted topic (docs/events/catalog-entry.v1.json).
 */
public record CatalogChange(
    int schemaVersion,
    String kind,
    String code,
    String name,
    String description,
    @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
    String changedBy,
    java.time.Instant changedAt) {
  public static final int SCHEMA_VERSION = 1;

  /** {@code entry} added or renamed by {@code changedBy} at {@code changedAt}. */
  public static CatalogChange of(
      CatalogKind kind, CatalogEntry entry, String changedBy, java.time.Instant changedAt) {
    return new CatalogChange(
        SCHEMA_VERSION,
        kind.code(),
        entry.code(),
        entry.name(),
        entry.description(),
        entry.unit(),
        changedBy,
        changedAt);
  }

  public String key() {
    return kind + ":" + code;
  }

  public CatalogEntry entry() {
    return new CatalogEntry(code, name, description, unit);
  }
}
