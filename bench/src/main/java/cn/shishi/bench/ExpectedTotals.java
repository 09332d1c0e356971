package cn.shishi.bench;

import java.util.concurrent.atomic.LongAdder;

/**
 * The effect the accepted requests must have on the aggregator's totals; uncertain ones (a 503 or a
 * lost answer after all retries) may or may not have been stored.
 */
final class ExpectedTotals {
  private final LongAdder reports = new LongAdder();
  private final LongAdder quantity = new LongAdder();
  private final LongAdder beneficiaries = new LongAdder();
  private final LongAdder uncertainReports = new LongAdder();

  /** A new report was accepted. */
  void filed(Report report) {
    reports.increment();
    quantity.add(report.quantity());
    beneficiaries.add(report.beneficiaries());
  }

  /** A report's withdrawal was accepted. */
  void withdrawn(Report report) {
    reports.decrement();
    quantity.add(-report.quantity());
    beneficiaries.add(-report.beneficiaries());
  }

  void uncertain(long reports) {
    uncertainReports.add(reports);
  }

  Api.Totals totals() {
    return new Api.Totals(reports.sum(), quantity.sum(), beneficiaries.sum());
  }

  long uncertain() {
    return uncertainReports.sum();
  }
}
