package cn.shishi.aggregator.jdbc;

/**
 * The datasource of the reads that a streaming replica may answer: totals, their live streams and
 * gauges, the ledger's pages and exports. It is the primary unless {@code
 * QUARKUS_DATASOURCE_READS_JDBC_URL} names a replica (docs/operations.md, "Beyond one database").
 * What must see its own writes or decide on the latest figures (batches, reconciliation, period
 * closes, targets and progress, admin actions) stays on the primary.
 */
public final class ReadReplica {
  public static final String DATASOURCE = "reads";

  private ReadReplica() {}
}
