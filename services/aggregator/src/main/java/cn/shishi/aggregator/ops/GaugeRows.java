package cn.shishi.aggregator.ops;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A family of gauges refreshed as a whole, whose rows keep their meters from one refresh to the
 * next: only their values change. Registering every row again at each refresh (a {@link
 * MultiGauge}'s overwrite) removed and added every meter every 5 s: 3 % of the aggregator's samples
 * in a profile of a drain (2026-12-04).
 *
 * <p>A row's gauge reads its value by its tags from the latest values, not from a holder of its
 * own: a meter that outlived a refresh cut short still reads what the next one published.
 */
final class GaugeRows {
  private final MultiGauge gauges;
  private final Map<Tags, Long> values = new ConcurrentHashMap<>();

  GaugeRows(MultiGauge gauges) {
    this.gauges = gauges;
  }

  /** New rows are registered, known ones take their new value, rows not given are removed. */
  synchronized void publish(Map<Tags, Long> sums) {
    values.putAll(sums);
    values.keySet().retainAll(sums.keySet());
    List<MultiGauge.Row<?>> rows = new ArrayList<>(sums.size());
    for (Tags tags : sums.keySet()) {
      rows.add(MultiGauge.Row.of(tags, values, latest -> latest.getOrDefault(tags, 0L)));
    }
    gauges.register(rows, false);
  }
}
