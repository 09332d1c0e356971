package cn.shishi.aggregator.reconcile;

/**
 * The advisory locks ({@link cn.shishi.aggregator.jdbc.AdvisoryLocks}) that allow at most one full
 * reconciliation and one rebuild at a time across every aggregator instance.
 */
final class ExclusiveRun {
  static final long RECONCILIATION = 5_174_001L;
  static final long REBUILD = 5_174_002L;

  private ExclusiveRun() {}
}
