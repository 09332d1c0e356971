package cn.shishi.aggregator.apply;

import java.time.LocalDate;

/** What one counted report adds to the rollups. */
public record Contribution(
    String regionCode,
    LocalDate day,
    String program,
    String taskType,
    int quantity,
    int beneficiaries) {

  Totals totals() {
    return new Totals(1, quantity, beneficiaries);
  }
}
