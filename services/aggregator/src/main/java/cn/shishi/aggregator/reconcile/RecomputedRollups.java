package cn.shishi.aggregator.reconcile;

/**
 * The rollups as the ledger says they must be, as SQL: what the rebuild writes and what the
 * reconciliation compares with. One place, so that the two can never disagree on it.
 */
final class RecomputedRollups {
  private RecomputedRollups() {}

  /** The month cells as their day cells say they must be: used by rebuild and reconciliation. */
  static final String MONTHS_FROM_DAYS = monthsFromDays("true");

  /**
   * The month cells of the day cells matching {@code condition}, summed from those: from the shard
   * rows themselves, as the totals queries read them, since the view {@code rollup} would first sum
   * each day cell's shards only for this to sum them again.
   */
  static String monthsFromDays(String condition) {
    return "SELECT region_code, date_trunc('month', day)::date AS month, program, task_type,"
        + " region_level, province_code, city_code, sum(reports) AS reports,"
        + " sum(quantity) AS quantity, sum(beneficiaries) AS beneficiaries FROM rollup_shard WHERE "
        + condition
        + " GROUP BY region_code, date_trunc('month', day), program, task_type, region_level,"
        + " province_code, city_code";
  }

  /**
   * The day cells as the ledger says they must be: every counted report in its county, city and
   * province cell. Used by rebuild and by reconciliation.
   */
  static final String RECOMPUTED = recomputed("true");

  /**
   * The day cells of the counted reports matching {@code condition} (on {@code r}), in one pass
   * over the ledger: each report is counted in its three cells as it is read.
   */
  static String recomputed(String condition) {
    return "SELECT cell.region_code, r.day, r.program, r.task_type, count(*) AS reports,"
        + " sum(r.quantity) AS quantity, sum(r.beneficiaries) AS beneficiaries FROM report AS r"
        + " CROSS JOIN LATERAL (VALUES (r.region_code::varchar), (r.city_code::varchar),"
        + " (r.province_code::varchar)) AS cell(region_code)"
        + " WHERE r.status = 'COUNTED' AND "
        + condition
        + " GROUP BY cell.region_code, r.day, r.program, r.task_type";
  }

  /** The all-time province totals as the ledger says they must be: used by rebuild. */
  static final String PROVINCE_RECOMPUTED =
      "SELECT province_code, program, task_type, count(*) AS reports, sum(quantity) AS quantity,"
          + " sum(beneficiaries) AS beneficiaries FROM report WHERE status = 'COUNTED' GROUP BY province_code, program, task_type";
}
