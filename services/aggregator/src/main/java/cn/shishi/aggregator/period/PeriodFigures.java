package cn.shishi.aggregator.period;

/** A month's figures for one program and kind of task: reports, quantity, beneficiaries. */
public record PeriodFigures(long reports, long quantity, long beneficiaries) {
  public static final PeriodFigures ZERO = new PeriodFigures(0, 0, 0);

  /** What changed from {@code published} to this. */
  public PeriodFigures minus(PeriodFigures published) {
    return new PeriodFigures(
        reports - published.reports,
        quantity - published.quantity,
        beneficiaries - published.beneficiaries);
  }

  public boolean isZero() {
    return reports == 0 && quantity == 0 && beneficiaries == 0;
  }
}
