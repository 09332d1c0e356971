package cn.shishi.aggregator.query;

import java.util.Map;

/**
 * One row of an answer: the values of the groupBy dimensions, the reports counted, their quantity
 * per unit, and their beneficiaries (a figure of its own, in people).
 */
public record TotalsRow(
    Map<TotalsQuery.Dimension, String> group,
    long reports,
    Quantities quantities,
    long beneficiaries) {

  static TotalsRow none() {
    return new TotalsRow(Map.of(), 0, Quantities.NONE, 0);
  }
}
