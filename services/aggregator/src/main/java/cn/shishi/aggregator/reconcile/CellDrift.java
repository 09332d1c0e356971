package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.apply.RollupKey;
import cn.shishi.aggregator.apply.Totals;

/**
 * A cell whose stored totals differ from what they must be: a day cell from the ledger, a month
 * cell and an all-time province total from their day cells. A month cell's key carries the month's
 * first day.
 */
public record CellDrift(String period, RollupKey cell, Totals stored, Totals fromLedger) {
  public static final String DAY = "day";
  public static final String MONTH = "month";
  public static final String ALL_TIME = "all-time";
}
