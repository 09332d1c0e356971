package cn.shishi.bench;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts the load's requests, retries them as the API asks offices to, and counts what each answer
 * means for the figures and for the totals.
 */
final class ReportSender {
  private static final int ATTEMPTS = 3;

  private final Api api;
  private final ScheduledExecutorService timers;
  private final LoadCounts counts;
  private final ExpectedTotals expected;
  private final FiledReports filed;
  private final Latencies latencies;
  private final PrintStream out;

  ReportSender(
      Api api,
      ScheduledExecutorService timers,
      LoadCounts counts,
      ExpectedTotals expected,
      FiledReports filed,
      Latencies latencies,
      PrintStream out) {
    this.api = api;
    this.timers = timers;
    this.counts = counts;
    this.expected = expected;
    this.filed = filed;
    this.latencies = latencies;
    this.out = out;
  }

  /** Sends {@code request}, due at {@code intendedNanos}; completes once it has its answer. */
  CompletableFuture<Void> send(LoadRequest request, long intendedNanos) {
    counts.requestSent(request.items().size());
    return postWithRetries(request.path(), request.token(), request.body(), ATTEMPTS)
        .handle(
            (response, failure) -> {
              latencies.acked(intendedNanos);
              count(request, response, failure);
              counts.answered();
              return null;
            });
  }

  /** 503 (Kafka) or 429 (the office's rate): nothing was accepted, try again later. */
  private static boolean isBusy(int status) {
    return status == 503 || status == 429;
  }

  // The same ids again after a 503, a 429 or a lost answer is what the API asks offices to do: what
  // was stored already counts once.
  private CompletableFuture<Posts.Answer> postWithRetries(
      String path, String token, byte[] body, int attemptsLeft) {
    return api.post(path, token, body)
        .handle(
            (response, failure) -> {
              boolean retry = (failure != null || isBusy(response.status())) && attemptsLeft > 1;
              if (!retry) {
                return failure != null
                    ? CompletableFuture.<Posts.Answer>failedFuture(failure)
                    : CompletableFuture.completedFuture(response);
              }
              CompletableFuture<Posts.Answer> next = new CompletableFuture<>();
              timers.schedule(
                  () ->
                      postWithRetries(path, token, body, attemptsLeft - 1)
                          .whenComplete(
                              (r, f) -> {
                                if (f != null) {
                                  next.completeExceptionally(f);
                                } else {
                                  next.complete(r);
                                }
                              }),
                  1,
                  TimeUnit.SECONDS);
              return next;
            })
        .thenCompose(future -> future);
  }

  private void count(LoadRequest request, Posts.Answer response, Throwable failure) {
    int reports = request.items().size();
    int status = response == null ? -1 : response.status();
    if (failure != null || isBusy(status)) {
      counts.failed();
      if (!request.invalid()) {
        expected.uncertain(request.fresh().size());
      }
      return;
    }
    if (request.invalid() && status == 422) {
      counts.rejectedAsIntended(reports);
      return;
    }
    if (status == 202 && !request.invalid()) {
      counts.accepted(reports, request.duplicates());
      for (Report report : request.fresh()) {
        expected.filed(report);
        filed.remember(new FiledReports.Filed(report, request.office(), request.token()));
      }
      return;
    }
    long seen = counts.unexpected(status);
    if (status == 202) {
      // An invalid report was accepted: its effect on the totals is unknown to us.
      expected.uncertain(reports);
    } else {
      counts.refused(reports);
      if (seen <= 3) {
        out.println("unexpected " + status + ": " + response.body());
      }
    }
  }
}
