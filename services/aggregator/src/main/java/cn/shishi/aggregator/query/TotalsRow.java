package cn.shishi.aggregator.query;

import cn.shishi.aggregator.apply.Totals;
import java.util.Map;

/** One row of an answer: the values of the groupBy dimensions, and the totals. */
public record TotalsRow(Map<TotalsQuery.Dimension, String> group, Totals totals) {}
