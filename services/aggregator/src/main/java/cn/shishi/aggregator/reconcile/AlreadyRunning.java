package cn.shishi.aggregator.reconcile;

import cn.shishi.web.ProblemException;
import jakarta.ws.rs.core.Response;

/** A rebuild or a reconciliation runs already, here or on another instance (409). */
public class AlreadyRunning extends ProblemException {
  AlreadyRunning(String what) {
    super(Response.Status.CONFLICT, "already-running", "running." + what);
  }
}
