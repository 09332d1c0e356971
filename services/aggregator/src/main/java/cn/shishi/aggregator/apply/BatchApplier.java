package cn.shishi.aggregator.apply;

import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AdminAction;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.offsets.LogSnapshot;
import cn.shishi.aggregator.offsets.OffsetAnomaly;
import cn.shishi.aggregator.offsets.OffsetRepository;
import cn.shishi.aggregator.offsets.PartitionState;
import cn.shishi.aggregator.offsets.TopicLog;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Applies a batch of records in ONE transaction: new ledger rows, their rollup deltas, the
 * withdrawals, the dead letters and the partitions' next offsets commit together or not at all
 * (docs/adr/0002-exactly-once-effect.md). Which records of a partition are new is decided under its
 * locked offset row ({@link Admission}).
 */
@ApplicationScoped
public class BatchApplier {
  private static final Logger LOG = Logger.getLogger(BatchApplier.class);
  private static final Comparator<BatchItem> READ_ORDER =
      Comparator.comparingLong((BatchItem item) -> item.position().offset())
          .thenComparingInt(item -> item.position().partition());

  private final LedgerWriter ledger;
  private final RollupWriter rollups;
  private final DeadLetterWriter deadLetters;
  private final ChainWriter chain;
  private final OffsetRepository offsets;
  private final TopicLog log;
  private final AuditLog audit;
  private final Clock clock;

  public BatchApplier(
      LedgerWriter ledger,
      RollupWriter rollups,
      DeadLetterWriter deadLetters,
      ChainWriter chain,
      OffsetRepository offsets,
      TopicLog log,
      AuditLog audit,
      Clock clock) {
    this.ledger = ledger;
    this.rollups = rollups;
    this.deadLetters = deadLetters;
    this.chain = chain;
    this.offsets = offsets;
    this.log = log;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public BatchOutcome apply(EventBatch batch) {
    Instant now = clock.instant();
    Map<Integer, List<BatchItem>> byPartition = byPartition(batch);
    Map<Integer, PartitionState> states = offsets.lock(batch.topic(), byPartition.keySet());
    Tally tally = new Tally();
    List<BatchItem> fresh = new ArrayList<>();
    Map<Integer, Long> next = new HashMap<>();
    Map<Integer, Instant> appliedThrough = new HashMap<>();
    byPartition.forEach(
        (partition, items) -> {
          Admission admission =
              Admission.decide(
                  states.get(partition),
                  items,
                  () -> log.logStart(batch.topic(), partition),
                  () -> log.topicId(batch.topic()));
          admit(
              batch.topic(), partition, states.get(partition), admission, now, tally, fresh, next);
        });
    fresh.sort(READ_ORDER);
    PartitionDeltas delta = new PartitionDeltas();
    List<ChainWriter.Entry> entries = new ArrayList<>(fresh.size());
    countReports(only(fresh, FiledReport.class), now, delta, tally, entries);
    withdraw(only(fresh, Withdrawal.class), now, delta, tally, entries);
    List<DeadLetter> letters = only(fresh, DeadLetter.class);
    deadLetters.record(letters, now);
    letters.forEach(
        letter -> {
          tally.outcome(null, null, BatchOutcome.DEAD_LETTER);
          tally.deadLetterReasons.merge(letter.reason(), 1, Integer::sum);
          entries.add(ChainEntries.deadLetter(letter));
        });
    rollups.apply(delta);
    // A receive time ahead of this instance's clock (a producer's clock gone wrong, or a record
    // written straight to the topic) says nothing of the records still behind it: it is no
    // progress, and totals would otherwise claim to be complete up to it while its partition lags.
    fresh.forEach(
        item ->
            receivedAt(item)
                .filter(at -> !at.isAfter(now))
                .ifPresent(
                    at ->
                        appliedThrough.merge(
                            item.position().partition(), at, BatchApplier::later)));
    offsets.advance(batch.topic(), next, appliedThrough, now);
    chain.append(batch.topic(), entries, states);
    return tally.outcome(letters.size(), delta.changedCells());
  }

  private static Optional<Instant> receivedAt(BatchItem item) {
    if (item instanceof FiledReport report) {
      return Optional.ofNullable(report.receivedAt());
    }
    if (item instanceof Withdrawal withdrawal) {
      return Optional.ofNullable(withdrawal.receivedAt());
    }
    return Optional.empty();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private void admit(
      String topic,
      int partition,
      PartitionState state,
      Admission admission,
      Instant now,
      Tally tally,
      List<BatchItem> fresh,
      Map<Integer, Long> next) {
    if (admission instanceof Admission.Apply apply) {
      tally.alreadyApplied += apply.stale();
      fresh.addAll(apply.fresh());
      if (!apply.fresh().isEmpty()) {
        next.put(partition, apply.next());
      }
    } else if (admission instanceof Admission.Hold hold) {
      tally.held += hold.records();
      tally.heldPartitions.add(partition);
      if (hold.found() != null) {
        raise(topic, partition, state, hold, now);
      }
    } else if (admission instanceof Admission.Reseek reseek) {
      tally.outOfPosition += reseek.records();
      tally.reseek.put(partition, reseek.offset());
    }
  }

  private void raise(
      String topic, int partition, PartitionState state, Admission.Hold hold, Instant now) {
    LogSnapshot snapshot = log.snapshot(topic);
    LogSnapshot.Range range = snapshot.partitions().get(partition);
    OffsetAnomaly.Finding finding =
        new OffsetAnomaly.Finding(
            partition,
            hold.found(),
            state.next(),
            state.topicId(),
            range == null ? -1 : range.start(),
            range == null ? -1 : range.end(),
            snapshot.topicId());
    offsets.raise(topic, finding, now);
    LOG.errorf("partition %d held: %s (%s)", partition, hold.found().code(), finding);
  }

  private static Map<Integer, List<BatchItem>> byPartition(EventBatch batch) {
    Map<Integer, List<BatchItem>> byPartition = new TreeMap<>();
    for (BatchItem item : batch.items()) {
      byPartition.computeIfAbsent(item.position().partition(), p -> new ArrayList<>()).add(item);
    }
    byPartition.values().forEach(items -> items.sort(READ_ORDER));
    return byPartition;
  }

  private void countReports(
      List<FiledReport> reports,
      Instant now,
      PartitionDeltas delta,
      Tally tally,
      List<ChainWriter.Entry> entries) {
    Map<ReportKey, FiledReport> firsts = new LinkedHashMap<>();
    List<FiledReport> duplicates = new ArrayList<>();
    for (FiledReport report : reports) {
      if (firsts.putIfAbsent(report.key(), report) != null) {
        duplicates.add(report);
      }
    }
    Set<ReportKey> inserted = ledger.insertNew(firsts.values(), now);
    for (FiledReport report : firsts.values()) {
      if (inserted.contains(report.key())) {
        entries.add(ChainEntries.report(report));
        delta.of(report.position().partition()).add(report.contribution());
        tally.counted++;
        tally.outcome(report.regionCode(), report.program(), BatchOutcome.COUNTED);
      } else {
        duplicates.add(report);
      }
    }
    recordDuplicates(duplicates, firsts, inserted, now, tally, entries);
  }

  private void recordDuplicates(
      List<FiledReport> duplicates,
      Map<ReportKey, FiledReport> firsts,
      Set<ReportKey> inserted,
      Instant now,
      Tally tally,
      List<ChainWriter.Entry> entries) {
    if (duplicates.isEmpty()) {
      return;
    }
    Set<ReportKey> older = new HashSet<>();
    duplicates.forEach(d -> older.add(d.key()));
    older.removeAll(inserted);
    Map<ReportKey, FiledReport> originals = new HashMap<>(ledger.find(older));
    inserted.forEach(key -> originals.put(key, firsts.get(key)));
    Set<ReportKey> differing = new HashSet<>();
    for (FiledReport duplicate : duplicates) {
      if (!duplicate.sameContentAs(originals.get(duplicate.key()))) {
        differing.add(duplicate.key());
        tally.conflictingDuplicates++;
      }
      tally.duplicates++;
      tally.outcome(duplicate.regionCode(), duplicate.program(), BatchOutcome.DUPLICATE);
    }
    ledger.recordDuplicates(duplicates, differing, now);
    duplicates.forEach(
        duplicate ->
            entries.add(ChainEntries.duplicate(duplicate, !differing.contains(duplicate.key()))));
  }

  private void withdraw(
      List<Withdrawal> withdrawals,
      Instant now,
      PartitionDeltas delta,
      Tally tally,
      List<ChainWriter.Entry> entries) {
    for (Withdrawal withdrawal : withdrawals) {
      WithdrawalResult result = ledger.withdraw(withdrawal, now);
      entries.add(ChainEntries.withdrawal(withdrawal, result));
      if (withdrawal.byAdmin()) {
        audit.record(
            Actor.of(withdrawal.filedBy()),
            AdminAction.ADMIN_WITHDRAWAL,
            withdrawal.officeId() + "/" + withdrawal.reportId(),
            (result.isApplied() ? "applied: " : "rejected (" + result.refusal() + "): ")
                + withdrawal.reason(),
            withdrawal.receivedAt());
      }
      if (result.isApplied()) {
        delta.of(withdrawal.position().partition()).subtract(result.removed());
        tally.withdrawn++;
        tally.outcome(
            result.removed().regionCode(), result.removed().program(), BatchOutcome.WITHDRAWN);
      } else {
        tally.withdrawalsRejected++;
        tally.outcome(null, null, BatchOutcome.WITHDRAWAL_REJECTED);
      }
    }
  }

  private static <T extends BatchItem> List<T> only(List<BatchItem> items, Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (BatchItem item : items) {
      if (type.isInstance(item)) {
        matching.add(type.cast(item));
      }
    }
    return matching;
  }

  /** Running counts of one batch. */
  private static final class Tally {
    int counted;
    int duplicates;
    int conflictingDuplicates;
    int withdrawn;
    int withdrawalsRejected;
    int alreadyApplied;
    int held;
    int outOfPosition;
    final Map<BatchOutcome.OutcomeKey, Integer> outcomes = new HashMap<>();
    final Map<String, Integer> deadLetterReasons = new HashMap<>();
    final Set<Integer> heldPartitions = new HashSet<>();
    final Map<Integer, Long> reseek = new HashMap<>();

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
          held,
          outOfPosition,
          Map.copyOf(outcomes),
          Map.copyOf(deadLetterReasons),
          changed,
          Set.copyOf(heldPartitions),
          Map.copyOf(reseek));
    }
  }
}
