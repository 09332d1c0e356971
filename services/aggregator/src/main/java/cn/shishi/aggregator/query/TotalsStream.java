package cn.shishi.aggregator.query;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live totals: the page of a question at once, then again whenever committed batches change a cell
 * the question reads, at most every {@link #COALESCE}. Everyone asking the same (scoped) question
 * shares one stream of updates, so a change costs one query per distinct question, however many
 * dashboards show it.
 */
@ApplicationScoped
public class TotalsStream {
  static final Duration COALESCE = Duration.ofMillis(250);

  private final TotalsService totals;
  private final TotalsChanges changes;
  private final Map<Question, Multi<TotalsPage>> shared = new ConcurrentHashMap<>();

  public TotalsStream(TotalsService totals, TotalsChanges changes) {
    this.totals = totals;
    this.changes = changes;
  }

  /** A question as its askers share it: the same filters within the same time limit. */
  private record Question(TotalsQuery query, Duration timeout) {}

  /** The pages of an already scoped question, for as long as the subscriber stays. */
  public Multi<TotalsPage> pages(TotalsQuery scoped, Duration timeout) {
    Question question = new Question(scoped, timeout);
    return Multi.createBy()
        .concatenating()
        .streams(page(question).toMulti(), shared.computeIfAbsent(question, this::updates));
  }

  /** The distinct questions being streamed now. */
  List<TotalsQuery> questions() {
    return shared.keySet().stream().map(Question::query).toList();
  }

  private Multi<TotalsPage> updates(Question question) {
    return changes.stream()
        .group()
        .intoLists()
        .every(COALESCE)
        .filter(
            batches ->
                batches.stream().anyMatch(cells -> TotalsChanges.concerns(question.query(), cells)))
        .onItem()
        .transformToUniAndConcatenate(any -> page(question))
        // The last subscriber left: the question is forgotten, and asked afresh by the next.
        .onCancellation()
        .invoke(() -> shared.remove(question))
        .broadcast()
        .withCancellationAfterLastSubscriberDeparture()
        .toAllSubscribers();
  }

  /** Reads the page on a worker thread: the query blocks on JDBC. */
  private Uni<TotalsPage> page(Question question) {
    return Uni.createFrom()
        .item(() -> totals.page(question.query(), question.timeout()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
