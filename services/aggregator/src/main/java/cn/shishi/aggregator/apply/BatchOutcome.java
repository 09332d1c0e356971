package cn.shishi.aggregator.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What committing a batch did. {@code outcomes} counts records by (province, program, outcome) for
 * the flow metrics; {@code changedCells} are the rollup cells whose totals moved. Records can also
 * be left unapplied, never lost: {@code alreadyApplied} (below the stored offset), {@code held}
 * (their partition has an open offset anomaly, see {@code heldPartitions}) and {@code
 * outOfPosition} (the consumer read past the stored offset; it goes back to {@code reseek}).
 */
public record BatchOutcome(
    int counted,
    int duplicates,
    int conflictingDuplicates,
    int withdrawn,
    int withdrawalsRejected,
    int deadLetters,
    int alreadyApplied,
    int held,
    int outOfPosition,
    Map<OutcomeKey, Integer> outcomes,
    Map<String, Integer> deadLetterReasons,
    List<RollupKey> changedCells,
    Set<Integer> heldPartitions,
    Map<Integer, Long> reseek) {

  /** Labels of the flow counter: bounded, never a county or an office. */
  public record OutcomeKey(String province, String program, String outcome) {}

  public static final String COUNTED = "counted";
  public static final String DUPLICATE = "duplicate";
  public static final String WITHDRAWN = "withdrawn";
  public static final String WITHDRAWAL_REJECTED = "withdrawal-rejected";
  public static final String DEAD_LETTER = "dead-letter";

  /** Records that went into the transaction's writes. */
  public int applied() {
    return counted + duplicates + withdrawn + withdrawalsRejected + deadLetters;
  }

  /** Both outcomes together: a batch that was applied in parts. */
  public BatchOutcome plus(BatchOutcome other) {
    Map<OutcomeKey, Integer> allOutcomes = new HashMap<>(outcomes);
    other.outcomes.forEach((key, n) -> allOutcomes.merge(key, n, Integer::sum));
    Map<String, Integer> reasons = new HashMap<>(deadLetterReasons);
    other.deadLetterReasons.forEach((key, n) -> reasons.merge(key, n, Integer::sum));
    List<RollupKey> cells = new ArrayList<>(changedCells);
    cells.addAll(other.changedCells);
    Set<Integer> allHeld = new HashSet<>(heldPartitions);
    allHeld.addAll(other.heldPartitions);
    Map<Integer, Long> seeks = new HashMap<>(reseek);
    seeks.putAll(other.reseek);
    return new BatchOutcome(
        counted + other.counted,
        duplicates + other.duplicates,
        conflictingDuplicates + other.conflictingDuplicates,
        withdrawn + other.withdrawn,
        withdrawalsRejected + other.withdrawalsRejected,
        deadLetters + other.deadLetters,
        alreadyApplied + other.alreadyApplied,
        held + other.held,
        outOfPosition + other.outOfPosition,
        Map.copyOf(allOutcomes),
        Map.copyOf(reasons),
        List.copyOf(cells),
        Set.copyOf(allHeld),
        Map.copyOf(seeks));
  }
}
