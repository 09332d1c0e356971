package cn.shishi.aggregator.domain;

import java.util.List;
import java.util.Map;

/**
 * What applying a batch did. {@code outcomes} counts records by (province, program, outcome) for
 * the flow metrics; {@code changedCells} are the rollup cells whose totals moved.
 */
public record BatchOutcome(
    int counted,
    int duplicates,
    int conflictingDuplicates,
    int withdrawn,
    int withdrawalsRejected,
    int deadLetters,
    int alreadyApplied,
    Map<OutcomeKey, Integer> outcomes,
    Map<String, Integer> deadLetterReasons,
    List<RollupKey> changedCells) {

  /** Labels of the flow counter: bounded, never a county or an office. */
  public record OutcomeKey(String province, String program, String outcome) {}

  public static final String COUNTED = "counted";
  public static final String DUPLICATE = "duplicate";
  public static final String WITHDRAWN = "withdrawn";
  public static final String WITHDRAWAL_REJECTED = "withdrawal-rejected";
  public static final String DEAD_LETTER = "dead-letter";
}
