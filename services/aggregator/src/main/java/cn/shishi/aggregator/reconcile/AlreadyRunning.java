package cn.shishi.aggregator.reconcile;

/**
 * A full reconciliation or a rebuild is running already, on this instance or another (a PostgreSQL
 * advisory lock decides): one at a time, for they read the whole ledger. Answered 409.
 */
public class AlreadyRunning extends RuntimeException {
  AlreadyRunning(String what) {
    super(what + " is running already; try again when it has finished", null, false, false);
  }
}
