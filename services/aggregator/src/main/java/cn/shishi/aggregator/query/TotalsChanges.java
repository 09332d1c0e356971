package cn.shishi.aggregator.query;

import cn.shishi.aggregator.apply.BatchOutcome;
import cn.shishi.aggregator.apply.RollupKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The rollup cells each committed batch changed, as a hot stream for live subscribers. Fed after
 * the commit, so a subscriber that re-reads its totals sees the batch.
 */
@ApplicationScoped
public class TotalsChanges {
  private final BroadcastProcessor<List<RollupKey>> changes = BroadcastProcessor.create();

  // Partition groups commit on several threads; a processor takes one onNext at a time.
  synchronized void onBatch(@Observes BatchOutcome outcome) {
    if (!outcome.changedCells().isEmpty()) {
      changes.onNext(outcome.changedCells());
    }
  }

  /** Changed cells from now on; a slow subscriber loses batches, never its connection. */
  public Multi<List<RollupKey>> stream() {
    return changes.onOverflow().drop();
  }

  /** Whether any of {@code cells} is one the query reads. */
  public static boolean concerns(TotalsQuery query, List<RollupKey> cells) {
    return cells.stream().anyMatch(cell -> concerns(query, cell));
  }

  static boolean concerns(TotalsQuery query, RollupKey cell) {
    return cell.regionCode().length() == query.regionLevel()
        && query.province().map(cell.regionCode()::startsWith).orElse(true)
        && query.city().map(cell.regionCode()::startsWith).orElse(true)
        && query.county().map(cell.regionCode()::equals).orElse(true)
        && query.program().map(cell.program()::equals).orElse(true)
        && query.taskType().map(cell.taskType()::equals).orElse(true)
        && query.from().map(from -> !cell.day().isBefore(from)).orElse(true)
        && query.to().map(to -> !cell.day().isAfter(to)).orElse(true);
  }
}
