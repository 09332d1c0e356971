package cn.shishi.aggregator.apply;

/** What a withdrawal did: the contribution it took out, or why it was refused. */
public record WithdrawalResult(Contribution removed, String refusal) {
  static WithdrawalResult applied(Contribution removed) {
    return new WithdrawalResult(removed, null);
  }

  static WithdrawalResult rejected(String refusal) {
    return new WithdrawalResult(null, refusal);
  }

  public boolean isApplied() {
    return refusal == null;
  }
}
