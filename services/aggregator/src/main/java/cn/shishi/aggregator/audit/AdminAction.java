package cn.shishi.aggregator.audit;

import java.time.Instant;

/** One entry of the log of privileged actions. */
public record AdminAction(
    long id, Instant at, String actor, String action, String target, String detail, String source) {
  public static final String REBUILD = "rollups-rebuild";
  public static final String RECONCILIATION = "reconciliation";
  public static final String OFFSET_ADOPTION = "offset-adoption";
  public static final String REDRIVE = "dead-letter-redrive";
  public static final String DISCARD = "dead-letter-discard";
  public static final String ADMIN_WITHDRAWAL = "admin-withdrawal";
  public static final String CATALOG_CHANGE = "catalog-change";
}
