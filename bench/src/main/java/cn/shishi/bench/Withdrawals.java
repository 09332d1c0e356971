package cn.shishi.bench;

/**
 * Withdraws reports this run filed, at {@code --withdrawals} per report sent: each request sent
 * earns that much credit, and every whole unit of it is one withdrawal.
 */
final class Withdrawals {
  private static final String BODY =
      Report.JSON.createObjectNode().put("reason", "load test: filed by mistake").toString();

  private final double perRequest;
  private final ReportFactory factory;
  private final FiledReports filed;
  private final Api api;
  private final LoadCounts counts;
  private final ExpectedTotals expected;
  private final Latencies latencies;
  private double credit;

  Withdrawals(
      LoadOptions options,
      ReportFactory factory,
      FiledReports filed,
      Api api,
      LoadCounts counts,
      ExpectedTotals expected,
      Latencies latencies) {
    this.perRequest = options.withdrawals() * options.batchSize();
    this.factory = factory;
    this.filed = filed;
    this.api = api;
    this.counts = counts;
    this.expected = expected;
    this.latencies = latencies;
  }

  /** Sends the withdrawals due with the request intended for {@code intendedNanos}. */
  void sendDue(long intendedNanos) {
    int due;
    synchronized (this) {
      credit += perRequest;
      due = (int) credit;
      credit -= due;
    }
    for (int k = 0; k < due; k++) {
      FiledReports.Filed withdrawn = filed.takeForWithdrawal(factory.randomOffice());
      if (withdrawn == null) {
        return;
      }
      send(withdrawn, intendedNanos);
    }
  }

  private void send(FiledReports.Filed withdrawn, long intendedNanos) {
    Report report = withdrawn.report();
    counts.withdrawalSent();
    api.post("/api/v1/reports/" + report.reportId() + "/withdrawal", withdrawn.token(), BODY)
        .whenComplete(
            (response, failure) -> {
              latencies.withdrawalAcked(intendedNanos);
              if (failure == null && response.status() == 202) {
                counts.withdrawalAccepted();
                expected.withdrawn(report);
              } else {
                int status = failure != null ? -1 : response.status();
                counts.unexpected(status);
                // Refused or lost: it may still have been applied.
                expected.uncertain(1);
              }
              counts.answered();
            });
  }
}
