package cn.shishi.catalog;

/** The two lists an admin can extend. */
public enum CatalogKind {
  PROGRAM("program"),
  TASK_TYPE("task-type");

  private final String code;

  CatalogKind(String code) {
    this.code = code;
  }

  /** The kind's name in events and Kafka keys. */
  public String code() {
    return code;
  }

  public static CatalogKind ofCode(String code) {
    for (CatalogKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown catalogue kind " + code);
  }
}
