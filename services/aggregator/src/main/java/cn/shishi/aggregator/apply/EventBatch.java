package cn.shishi.aggregator.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of one topic, in the order they were read, each understood as a report, a withdrawal or a
 * dead letter. Applied in one transaction; split in two when the database refuses one of them.
 */
public record EventBatch(String topic, List<BatchItem> items) {

  public EventBatch {
    items = List.copyOf(items);
  }

  public int size() {
    return items.size();
  }

  public List<FiledReport> reports() {
    return of(FiledReport.class);
  }

  public List<Withdrawal> withdrawals() {
    return of(Withdrawal.class);
  }

  public List<DeadLetter> deadLetters() {
    return of(DeadLetter.class);
  }

  /** The last offset read per partition: every record, whatever it was, moves its partition on. */
  public Map<Integer, Long> lastOffsets() {
    Map<Integer, Long> last = new HashMap<>();
    items.forEach(
        item -> last.merge(item.position().partition(), item.position().offset(), Math::max));
    return last;
  }

  /**
   * The first and the second half, each in order: applied one after the other they do what the
   * whole would, partition by partition.
   */
  public List<EventBatch> halves() {
    int middle = items.size() / 2;
    return List.of(
        new EventBatch(topic, items.subList(0, middle)),
        new EventBatch(topic, items.subList(middle, items.size())));
  }

  /** This batch of one, its record set aside as {@code letter}. */
  public EventBatch settingAside(DeadLetter letter) {
    return new EventBatch(topic, List.of(letter));
  }

  private <T extends BatchItem> List<T> of(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (BatchItem item : items) {
      if (type.isInstance(item)) {
        matching.add(type.cast(item));
      }
    }
    return matching;
  }
}
