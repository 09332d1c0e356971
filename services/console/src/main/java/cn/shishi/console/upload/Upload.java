package cn.shishi.console.upload;

import cn.shishi.contract.report.ReportSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file whose every row passed, held until the person files it, then while it is filed: how far it
 * has come, and how it ended.
 */
public final class Upload {
  /** Where an upload stands. */
  public enum State {
    CHECKED,
    FILING,
    DONE,
    FAILED
  }

  private final UUID id = UUID.randomUUID();
  private final String office;
  private final String fileName;
  private final int total;
  // Dropped once filed: a finished upload is only a line of history.
  private volatile List<ReportSubmission> reports;
  private final Instant checkedAt = Instant.now();
  private final AtomicInteger filed = new AtomicInteger();
  private volatile State state = State.CHECKED;
  private volatile String problem;
  private volatile long startedNanos;
  private volatile long finishedNanos;

  Upload(String office, String fileName, List<ReportSubmission> reports) {
    this.office = office;
    this.fileName = fileName;
    this.reports = List.copyOf(reports);
    this.total = reports.size();
  }

  public UUID id() {
    return id;
  }

  public String office() {
    return office;
  }

  public String fileName() {
    return fileName;
  }

  public List<ReportSubmission> reports() {
    return reports;
  }

  public int total() {
    return total;
  }

  public int filed() {
    return filed.get();
  }

  public State state() {
    return state;
  }

  public String problem() {
    return problem;
  }

  public Instant checkedAt() {
    return checkedAt;
  }

  /** Whole percent filed. */
  public int percent() {
    return total() == 0 ? 100 : (int) (100L * filed() / total());
  }

  /** How long the filing took (or has taken so far). */
  public Duration took() {
    long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
    return startedNanos == 0 ? Duration.ZERO : Duration.ofNanos(end - startedNanos);
  }

  /** Claims the upload for filing; false when it is already being filed or was filed. */
  synchronized boolean start() {
    if (state != State.CHECKED) {
      return false;
    }
    state = State.FILING;
    startedNanos = System.nanoTime();
    return true;
  }

  void filed(int count) {
    filed.addAndGet(count);
  }

  void done() {
    finishedNanos = System.nanoTime();
    reports = List.of();
    state = State.DONE;
  }

  void failed(String why) {
    finishedNanos = System.nanoTime();
    problem = why;
    reports = List.of();
    state = State.FAILED;
  }

  /** Whether it is over, filed or not. */
  public boolean finished() {
    return state == State.DONE || state == State.FAILED;
  }

  public boolean running() {
    return state == State.FILING;
  }
}
