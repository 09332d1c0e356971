package cn.shishi.contract;

/** The topics Shishi writes and reads (docs/events.md). */
public final class Topics {
  /** Reports and withdrawals, keyed by province: what the aggregator counts. */
  public static final String REPORTS = "task-reports";

  /** Copies of the records the aggregator could not apply, with why in headers. */
  public static final String DEAD_LETTERS = "task-reports-dlq";

  /** The catalogue's additions, compacted: the latest entry per code (docs/adr/0003). */
  public static final String CATALOG = "shishi-catalog";

  /**
   * The ledger chains' heads, published by the aggregator every few minutes, compacted to the
   * latest per partition only after a month (docs/adr/0011): anchors that whoever runs the database
   * cannot take back.
   */
  public static final String CHAIN_HEADS = "shishi-chain-heads";

  private Topics() {}
}
