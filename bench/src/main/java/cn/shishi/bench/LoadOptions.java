package cn.shishi.bench;

import java.time.Duration;

/**
 * What {@code bin/shishi load} sends and how.
 *
 * @param rate reports per second (open model), or 0 for as fast as {@code concurrency} requests go
 *     (closed model)
 * @param duration how long to send, or null for until {@code count} reports are sent
 * @param count how many reports to send, {@link Long#MAX_VALUE} for no limit
 * @param batchSize reports per request; above 1, the batch endpoint is used
 * @param duplicates the share of reports that repeat one this run filed already
 * @param late the share of reports completed days ago
 * @param withdrawals withdrawals per report sent
 * @param invalid the share of requests with a report the contract rejects
 * @param concurrency requests in flight in the closed model
 * @param connections requests in flight at most in the open model
 * @param check whether to compare the totals' delta with what was accepted
 * @param probe whether to measure end-to-end latency with probe reports
 * @param warmup the first stretch, not measured
 * @param drainTimeout how long the aggregator may take to apply what the run sent
 */
record LoadOptions(
    double rate,
    Duration duration,
    long count,
    int batchSize,
    double duplicates,
    double late,
    double withdrawals,
    double invalid,
    int concurrency,
    int connections,
    boolean check,
    boolean probe,
    Duration warmup,
    Duration drainTimeout) {

  /**
   * A pass of {@code reports} sent as fast as this run's concurrency allows, in batches of the same
   * size, before the measured run: nothing in it is checked, measured or printed.
   */
  LoadOptions warmUp(long reports) {
    return new LoadOptions(
        0,
        null,
        reports,
        batchSize,
        0,
        0,
        0,
        0,
        concurrency,
        connections,
        false,
        false,
        Duration.ZERO,
        drainTimeout);
  }

  boolean batched() {
    return batchSize > 1;
  }

  /** How many requests make {@code count} reports; {@link Long#MAX_VALUE} for no limit. */
  long requestLimit() {
    return count == Long.MAX_VALUE ? Long.MAX_VALUE : (count + batchSize - 1) / batchSize;
  }
}
