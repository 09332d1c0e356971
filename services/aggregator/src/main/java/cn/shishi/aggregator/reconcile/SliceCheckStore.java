package cn.shishi.aggregator.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Keeps what each reconciliation found per slice, in a transaction of its own: the check's
 * transaction reads one snapshot (repeatable read), in which an update of a row another instance
 * had kept since would fail the whole check.
 */
@ApplicationScoped
public class SliceCheckStore {
  private final SliceCheckRepository checks;

  public SliceCheckStore(SliceCheckRepository checks) {
    this.checks = checks;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void keep(List<SliceCheck> found) {
    found.forEach(checks::save);
  }

  @Transactional
  public List<SliceCheck> kept(int slices) {
    return checks.load(slices);
  }
}
