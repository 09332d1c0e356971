package cn.shishi.aggregator.domain;

import cn.shishi.aggregator.persistence.LedgerRepository;
import cn.shishi.aggregator.persistence.OffsetRepository;
import cn.shishi.aggregator.persistence.RollupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of records in ONE transaction: new ledger rows, their rollup deltas, the
 * withdrawals, the dead letters and the partitions' next offsets commit together or not at all
 * (docs/adr/0002-exactly-once-effect.md).
 */
@ApplicationScoped
public class RollupService {
  private final LedgerRepository ledger;
  private final RollupRepository rollups;
  private final OffsetRepository offsets;
  private final Clock clock;

  public RollupService(
      LedgerRepository ledger, RollupRepository rollups, OffsetRepository offsets, Clock clock) {
    this.ledger = ledger;
    this.rollups = rollups;
    this.offsets = offsets;
    this.clock = clock;
  }

  @Transactional
  public BatchOutcome apply(EventBatch batch) {
    Instant now = clock.instant();
    Map<Integer, Long> next = offsets.lock(batch.topic(), batch.lastOffsets().keySet());
    Tally tally = new Tally();
    RollupDelta delta = new RollupDelta();

    List<FiledReport> reports = fresh(batch.reports(), FiledReport::position, next, tally);
    countReports(reports, now, delta, tally);
    for (Withdrawal withdrawal : fresh(batch.withdrawals(), Withdrawal::position, next, tally)) {
      LedgerRepository.WithdrawalResult result = ledger.withdraw(withdrawal, now);
      if (result.isApplied()) {
        delta.subtract(result.removed());
        tally.withdrawn++;
        tally.outcome(
            result.removed().regionCode(), result.removed().program(), BatchOutcome.WITHDRAWN);
      } else {
        tally.withdrawalsRejected++;
        tally.outcome(null, null, BatchOutcome.WITHDRAWAL_REJECTED);
      }
    }
    List<DeadLetter> deadLetters = fresh(batch.deadLetters(), DeadLetter::position, next, tally);
    ledger.recordDeadLetters(deadLetters, now);
    deadLetters.forEach(
        letter -> {
          tally.outcome(null, null, BatchOutcome.DEAD_LETTER);
          tally.deadLetterReasons.merge(letter.reason(), 1, Integer::sum);
        });

    Map<RollupKey, Totals> changes = delta.changes();
    rollups.apply(changes);
    offsets.advance(batch.topic(), advanced(batch.lastOffsets(), next), now);
    return tally.outcome(deadLetters.size(), List.copyOf(changes.keySet()));
  }

  /** Recomputes every rollup from the ledger, with the consumers held off meanwhile. */
  @Transactional
  public int rebuild(String topic) {
    offsets.lock(topic, offsets.read(topic).keySet());
    return rollups.rebuild();
  }

  private void countReports(
      List<FiledReport> reports, Instant now, RollupDelta delta, Tally tally) {
    Map<UUID, FiledReport> firsts = new LinkedHashMap<>();
    List<FiledReport> duplicates = new ArrayList<>();
    for (FiledReport report : reports) {
      if (firsts.putIfAbsent(report.reportId(), report) != null) {
        duplicates.add(report);
      }
    }
    Set<UUID> inserted = ledger.insertNew(firsts.values(), now);
    for (FiledReport report : firsts.values()) {
      if (inserted.contains(report.reportId())) {
        delta.add(report.contribution());
        tally.counted++;
        tally.outcome(report.regionCode(), report.program(), BatchOutcome.COUNTED);
      } else {
        duplicates.add(report);
      }
    }
    recordDuplicates(duplicates, firsts, inserted, now, tally);
  }

  private void recordDuplicates(
      List<FiledReport> duplicates,
      Map<UUID, FiledReport> firsts,
      Set<UUID> inserted,
      Instant now,
      Tally tally) {
    if (duplicates.isEmpty()) {
      return;
    }
    Set<UUID> older = new HashSet<>();
    duplicates.forEach(d -> older.add(d.reportId()));
    older.removeAll(inserted);
    Map<UUID, FiledReport> originals = new HashMap<>(ledger.find(older));
    inserted.forEach(id -> originals.put(id, firsts.get(id)));
    Set<UUID> differing = new HashSet<>();
    for (FiledReport duplicate : duplicates) {
      if (!duplicate.sameContentAs(originals.get(duplicate.reportId()))) {
        differing.add(duplicate.reportId());
        tally.conflictingDuplicates++;
      }
      tally.duplicates++;
      tally.outcome(duplicate.regionCode(), duplicate.program(), BatchOutcome.DUPLICATE);
    }
    ledger.recordDuplicates(duplicates, differing, now);
  }

  /** The records at or past their partition's stored offset; the rest were applied before. */
  private static <T> List<T> fresh(
      List<T> records,
      java.util.function.Function<T, RecordPosition> position,
      Map<Integer, Long> next,
      Tally tally) {
    List<T> fresh = new ArrayList<>();
    for (T record : records) {
      RecordPosition at = position.apply(record);
      if (at.offset() >= next.getOrDefault(at.partition(), 0L)) {
        fresh.add(record);
      } else {
        tally.alreadyApplied++;
      }
    }
    fresh.sort(Comparator.comparing(position, Comparator.comparingLong(RecordPosition::offset)));
    return fresh;
  }

  private static Map<Integer, Long> advanced(Map<Integer, Long> last, Map<Integer, Long> stored) {
    Map<Integer, Long> advanced = new HashMap<>();
    last.forEach(
        (partition, offset) -> {
          if (offset + 1 > stored.getOrDefault(partition, 0L)) {
            advanced.put(partition, offset + 1);
          }
        });
    return advanced;
  }

  /** Running counts of one batch. */
  private static final class Tally {
    int counted;
    int duplicates;
    int conflictingDuplicates;
    int withdrawn;
    int withdrawalsRejected;
    int alreadyApplied;
    final Map<BatchOutcome.OutcomeKey, Integer> outcomes = new HashMap<>();
    final Map<String, Integer> deadLetterReasons = new HashMap<>();

    void outcome(String regionCode, String program, String outcome) {
      String province = regionCode == null ? "unknown" : regionCode.substring(0, 2);
      outcomes.merge(
          new BatchOutcome.OutcomeKey(province, program == null ? "unknown" : program, outcome),
          1,
          Integer::sum);
    }

    BatchOutcome outcome(int deadLetters, List<RollupKey> changed) {
      return new BatchOutcome(
          counted,
          duplicates,
          conflictingDuplicates,
          withdrawn,
          withdrawalsRejected,
          deadLetters,
          alreadyApplied,
          Map.copyOf(outcomes),
          Map.copyOf(deadLetterReasons),
          changed);
    }
  }
}
