package cn.shishi.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load's latencies in microseconds, each from the request's intended send time. Requests due
 * before {@link #measureFrom} (the warm-up: JIT compilers of both sides, connection pools) count
 * towards the totals but not here.
 */
final class Latencies {
  // Recorders take values from any thread; the progress line moves them into the histograms.
  private final Recorder ackRecorder = new Recorder(3);
  private final Recorder withdrawalRecorder = new Recorder(3);
  private final Histogram ack = new Histogram(3);
  private final Histogram withdrawalAck = new Histogram(3);
  private final Histogram probeAck = new Histogram(3);
  private final Histogram endToEnd = new Histogram(3);
  private volatile long measureFromNanos;

  void measureFrom(long nanos) {
    measureFromNanos = nanos;
  }

  long measureFrom() {
    return measureFromNanos;
  }

  /** A report request intended for {@code intendedNanos} has its answer now. */
  void acked(long intendedNanos) {
    if (intendedNanos >= measureFromNanos) {
      ackRecorder.recordValue(Math.max(0, System.nanoTime() - intendedNanos) / 1000);
    }
  }

  /** A withdrawal sent with the request intended for {@code intendedNanos} has its answer now. */
  void withdrawalAcked(long intendedNanos) {
    if (intendedNanos >= measureFromNanos) {
      withdrawalRecorder.recordValue(Math.max(0, System.nanoTime() - intendedNanos) / 1000);
    }
  }

  /** A probe report sent, acknowledged and visible in the totals at these times. */
  synchronized void probed(long sentNanos, long ackedNanos, long visibleNanos) {
    if (sentNanos >= measureFromNanos) {
      probeAck.recordValue((ackedNanos - sentNanos) / 1000);
      endToEnd.recordValue((visibleNanos - ackedNanos) / 1000);
    }
  }

  /** Moves the acks recorded since the last call into the totals, and into {@code window}. */
  synchronized void collect(Histogram window) {
    window.reset();
    ackRecorder.getIntervalHistogramInto(window);
    ack.add(window);
    withdrawalAck.add(withdrawalRecorder.getIntervalHistogram());
  }

  Histogram ack() {
    return ack;
  }

  Histogram withdrawalAck() {
    return withdrawalAck;
  }

  Histogram probeAck() {
    return probeAck;
  }

  Histogram endToEnd() {
    return endToEnd;
  }
}
