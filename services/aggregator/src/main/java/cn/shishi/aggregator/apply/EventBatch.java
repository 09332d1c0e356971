package cn.shishi.aggregator.domain;

import java.util.List;
import java.util.Map;

/**
 * One poll's worth of records from one topic, sorted into reports, withdrawals and dead letters,
 * with the last offset read per partition (every record, whatever it was, moves the offset).
 */
public record EventBatch(
    String topic,
    List<FiledReport> reports,
    List<Withdrawal> withdrawals,
    List<DeadLetter> deadLetters,
    Map<Integer, Long> lastOffsets) {

  public int size() {
    return reports.size() + withdrawals.size() + deadLetters.size();
  }
}
