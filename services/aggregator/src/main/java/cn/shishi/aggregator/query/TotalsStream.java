package cn.shishi.aggregator.query;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Live totals: the page of a question at once, then again whenever committed batches change a cell
 * the question reads, at most every {@link #COALESCE}.
 */
@ApplicationScoped
public class TotalsStream {
  static final Duration COALESCE = Duration.ofMillis(250);

  private final TotalsService totals;
  private final TotalsChanges changes;

  public TotalsStream(TotalsService totals, TotalsChanges changes) {
    this.totals = totals;
    this.changes = changes;
  }

  /** The pages of an already scoped question, for as long as the subscriber stays. */
  public Multi<TotalsPage> pages(TotalsQuery scoped) {
    Multi<TotalsPage> updates =
        changes.stream()
            .group()
            .intoLists()
            .every(COALESCE)
            .filter(
                batches ->
                    batches.stream().anyMatch(cells -> TotalsChanges.concerns(scoped, cells)))
            .onItem()
            .transformToUniAndConcatenate(any -> page(scoped));
    return Multi.createBy().concatenating().streams(page(scoped).toMulti(), updates);
  }

  /** Reads the page on a worker thread: the query blocks on JDBC. */
  private Uni<TotalsPage> page(TotalsQuery scoped) {
    return Uni.createFrom()
        .item(() -> totals.page(scoped))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
