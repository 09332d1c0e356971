package cn.shishi.catalog;

import java.util.List;

/** The programs and kinds of task that Shishi starts with, taken from the campaign's article. */
public final class SeedCatalog {
  private SeedCatalog() {}

  public static List<CatalogEntry> programs() {
    return entries("seed/programs.csv");
  }

  public static List<CatalogEntry> taskTypes() {
    return entries("seed/task-types.csv");
  }

  private static List<CatalogEntry> entries(String resource) {
    return Csv.rows(resource).stream()
        .map(row -> new CatalogEntry(row[0], row[1], row[2], row.length > 3 ? row[3] : null))
        .toList();
  }
}
