package cn.shishi.aggregator.apply;

/** What a rollup cell holds: how many reports, and the sums of their quantity and reach. */
public record Totals(long reports, long quantity, long beneficiaries) {
  public static final Totals ZERO = new Totals(0, 0, 0);

  public Totals plus(Totals other) {
    return new Totals(
        Math.addExact(reports, other.reports),
        Math.addExact(quantity, other.quantity),
        Math.addExact(beneficiaries, other.beneficiaries));
  }

  public Totals negate() {
    return new Totals(-reports, -quantity, -beneficiaries);
  }

  public boolean isZero() {
    return reports == 0 && quantity == 0 && beneficiaries == 0;
  }
}
