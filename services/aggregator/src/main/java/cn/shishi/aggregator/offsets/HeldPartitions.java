package cn.shishi.aggregator.offsets;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions this instance has seen held by an open offset anomaly. The database decides what
 * is held (every batch transaction reads it under the offset lock); this set only says where the
 * consumer must go back once an admin has released a partition, since it read on past the records
 * it did not apply.
 */
@ApplicationScoped
public class HeldPartitions {
  private final Set<Integer> held = ConcurrentHashMap.newKeySet();

  public void hold(Collection<Integer> partitions) {
    held.addAll(partitions);
  }

  /** The partitions seen held, as of now. */
  public Set<Integer> snapshot() {
    return Set.copyOf(held);
  }

  public void release(int partition) {
    held.remove(partition);
  }
}
