package cn.shishi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reports this run filed, by the filing office's region: the ones duplicates repeat and withdrawals
 * take back. The aggregator applies a withdrawal only from the office that filed the report, so
 * each keeps its office's token.
 */
final class FiledReports {
  /** A report the ingest accepted as new, with the office that filed it. */
  record Filed(Report report, String office, String token) {}

  // Bounded memory: once an office has this many, a random older report makes room.
  private static final int PER_PROVINCE = 20_000;

  private final Map<String, List<Filed>> byOffice = new ConcurrentHashMap<>();

  void remember(Filed filed) {
    List<Filed> list = byOffice.computeIfAbsent(filed.office(), p -> new ArrayList<>());
    synchronized (list) {
      if (list.size() < PER_PROVINCE) {
        list.add(filed);
      } else {
        list.set(ThreadLocalRandom.current().nextInt(list.size()), filed);
      }
    }
  }

  /** A report filed in {@code office}, or null if none was; it stays available. */
  Filed any(String office) {
    return pick(office, false);
  }

  /**
   * A report filed in {@code office} (or, if none is left there, anywhere), or null if none is
   * left; it is no longer available, for it is to be withdrawn.
   */
  Filed takeForWithdrawal(String office) {
    Filed filed = pick(office, true);
    if (filed != null) {
      return filed;
    }
    for (String other : byOffice.keySet()) {
      filed = pick(other, true);
      if (filed != null) {
        return filed;
      }
    }
    return null;
  }

  private Filed pick(String office, boolean remove) {
    List<Filed> list = byOffice.get(office);
    if (list == null) {
      return null;
    }
    synchronized (list) {
      if (list.isEmpty()) {
        return null;
      }
      int i = ThreadLocalRandom.current().nextInt(list.size());
      Filed filed = list.get(i);
      if (remove) {
        list.set(i, list.get(list.size() - 1));
        list.remove(list.size() - 1);
      }
      return filed;
    }
  }
}
