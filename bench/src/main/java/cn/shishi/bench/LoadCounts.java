package cn.shishi.bench;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the load sent and what became of it, counted from every sending and answering thread. */
final class LoadCounts {
  private final LongAdder requests = new LongAdder();
  private final LongAdder reportsSent = new LongAdder();
  private final LongAdder reportsAccepted = new LongAdder();
  private final LongAdder duplicatesAccepted = new LongAdder();
  private final LongAdder invalidRejected = new LongAdder();
  private final LongAdder reportsRefused = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder withdrawalsSent = new LongAdder();
  private final LongAdder withdrawalsAccepted = new LongAdder();
  private final Map<Integer, LongAdder> unexpectedStatuses = new ConcurrentHashMap<>();
  private final AtomicLong inFlight = new AtomicLong();

  void requestSent(int reports) {
    reportsSent.add(reports);
    requests.increment();
    inFlight.incrementAndGet();
  }

  void withdrawalSent() {
    withdrawalsSent.increment();
    inFlight.incrementAndGet();
  }

  /** A request or a withdrawal has its answer, whatever it was. */
  void answered() {
    inFlight.decrementAndGet();
  }

  void accepted(int reports, int duplicates) {
    reportsAccepted.add(reports);
    duplicatesAccepted.add(duplicates);
  }

  void rejectedAsIntended(int reports) {
    invalidRejected.add(reports);
  }

  void refused(int reports) {
    reportsRefused.add(reports);
  }

  /** A request failed or was answered 503 after all its attempts. */
  void failed() {
    errors.increment();
  }

  void withdrawalAccepted() {
    withdrawalsAccepted.increment();
  }

  /** Counts an answer nobody should get; returns how many had this status so far. */
  long unexpected(int status) {
    LongAdder count = unexpectedStatuses.computeIfAbsent(status, s -> new LongAdder());
    count.increment();
    return count.sum();
  }

  /** Waits until every request and withdrawal sent has its answer. */
  void awaitIdle() throws InterruptedException {
    while (inFlight.get() > 0) {
      Thread.sleep(20);
    }
  }

  long requests() {
    return requests.sum();
  }

  long reportsSent() {
    return reportsSent.sum();
  }

  long reportsAccepted() {
    return reportsAccepted.sum();
  }

  long duplicatesAccepted() {
    return duplicatesAccepted.sum();
  }

  long invalidRejected() {
    return invalidRejected.sum();
  }

  long reportsRefused() {
    return reportsRefused.sum();
  }

  long errors() {
    return errors.sum();
  }

  long withdrawalsSent() {
    return withdrawalsSent.sum();
  }

  long withdrawalsAccepted() {
    return withdrawalsAccepted.sum();
  }

  long inFlight() {
    return inFlight.get();
  }

  SortedMap<Integer, LongAdder> unexpectedStatuses() {
    return new TreeMap<>(unexpectedStatuses);
  }
}
