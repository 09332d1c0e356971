package cn.shishi.aggregator.reconcile;

import cn.shishi.web.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * A rebuild or a reconciliation runs already, here or on another instance (409). The scheduled
 * reconciliation runs soon after every start, so a caller asking then is told when to ask again.
 */
public class AlreadyRunning extends ProblemException {
  static final long RETRY_AFTER_SECONDS = 10;

  AlreadyRunning(String what) {
    super(Response.Status.CONFLICT, "already-running", RETRY_AFTER_SECONDS, "running." + what);
  }
}
