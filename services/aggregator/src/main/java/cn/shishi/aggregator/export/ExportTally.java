package cn.shishi.aggregator.export;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts an export's rows as they stream past: per status (or outcome, reason, same content), and
 * for reports the quantity of the counted ones per unit and their beneficiaries. Pure: tested
 * without a database.
 */
final class ExportTally {
  private static final List<String> CATEGORIES =
      List.of("status", "outcome", "reason", "sameContent");

  private final Map<String, String> units;
  private final int category;
  private final int status;
  private final int taskType;
  private final int quantity;
  private final int beneficiaries;
  private long rows;
  private final Map<String, Long> rowsBy = new TreeMap<>();
  private final Map<String, Long> quantityByUnit = new TreeMap<>();
  private long countedBeneficiaries;

  ExportTally(List<String> columns, Map<String, String> units) {
    this.units = units;
    this.category =
        CATEGORIES.stream().mapToInt(columns::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
    this.status = columns.indexOf("status");
    this.taskType = columns.indexOf("taskType");
    this.quantity = columns.indexOf("quantity");
    this.beneficiaries = columns.indexOf("beneficiaries");
  }

  void add(Object[] row) {
    rows++;
    if (category >= 0) {
      rowsBy.merge(String.valueOf(row[category]), 1L, Long::sum);
    }
    if (status >= 0 && "counted".equals(row[status]) && quantity >= 0) {
      String type = (String) row[taskType];
      quantityByUnit.merge(
          units.getOrDefault(type, type), ((Number) row[quantity]).longValue(), Long::sum);
      countedBeneficiaries += ((Number) row[beneficiaries]).longValue();
    }
  }

  long rows() {
    return rows;
  }

  Map<String, Long> rowsBy() {
    return category >= 0 ? rowsBy : null;
  }

  Map<String, Long> countedQuantityByUnit() {
    return status >= 0 ? quantityByUnit : null;
  }

  Long countedBeneficiaries() {
    return status >= 0 ? countedBeneficiaries : null;
  }
}
