package cn.shishi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The load's final check: once the aggregator has applied everything, the national totals must have
 * moved by exactly what was accepted minus what was withdrawn.
 */
final class TotalsCheck {
  private final Api api;
  private final Duration drainTimeout;
  private final ExpectedTotals expected;
  private final PrintStream out;

  TotalsCheck(Api api, Duration drainTimeout, ExpectedTotals expected, PrintStream out) {
    this.api = api;
    this.drainTimeout = drainTimeout;
    this.expected = expected;
    this.out = out;
  }

  /** The totals before the run. */
  Api.Totals baseline() throws InterruptedException {
    // A backlog from an earlier run would otherwise land in this run's delta.
    api.awaitDrained(drainTimeout);
    return api.totals(Map.of());
  }

  /** Prints the comparison; returns whether the totals moved exactly as expected. */
  boolean passes(Api.Totals before) throws InterruptedException {
    long drainStart = System.nanoTime();
    JsonNode reconciliation = api.awaitDrained(drainTimeout);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    Api.Totals delta = api.totals(Map.of()).minus(before);
    Api.Totals wanted = expected.totals();
    long uncertain = expected.uncertain();
    out.printf(
        "aggregator      drained %.1f s after the last answer; reconciliation consistent=%s"
            + " drift=%s%n",
        drainSeconds, reconciliation.path("consistent"), reconciliation.path("drift"));
    out.printf(
        "totals delta    reports %,d  quantity %,d  beneficiaries %,d%n",
        delta.reports(), delta.quantity(), delta.beneficiaries());
    out.printf(
        "expected        reports %,d  quantity %,d  beneficiaries %,d"
            + " (accepted new reports minus withdrawals)%n",
        wanted.reports(), wanted.quantity(), wanted.beneficiaries());
    boolean exact = delta.equals(wanted);
    if (exact) {
      out.println("check           OK: the totals moved by exactly what was accepted");
    } else if (uncertain > 0 && Math.abs(delta.reports() - wanted.reports()) <= uncertain) {
      out.printf(
          "check           UNDECIDED: %,d reports had no definite answer (503 or lost)%n",
          uncertain);
    } else {
      out.println("check           FAILED: the totals do not match what was accepted");
    }
    return exact;
  }
}
