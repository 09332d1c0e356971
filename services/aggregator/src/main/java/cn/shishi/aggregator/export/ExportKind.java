package cn.shishi.aggregator.export;

import java.util.Optional;

/**
 * What an auditor can take away: the ledger's reports, withdrawals, duplicates and dead letters, in
 * Kafka order (partition, then offset), the order the aggregator applied them in. Region and period
 * select reports by their region and day; withdrawals and duplicates by their report's; dead
 * letters, which may have no region, by the day they were set aside, for the nation only.
 */
enum ExportKind {
  REPORTS(
      "reports",
      "SELECT r.report_id AS \"reportId\", r.office_id AS \"officeId\", r.filed_by AS \"filedBy\","
          + " r.region_code AS \"regionCode\", r.program, r.task_type AS \"taskType\","
          + " r.quantity, r.beneficiaries, r.completed_at AS \"completedAt\", r.day, r.note,"
          + " r.received_at AS \"receivedAt\", r.processed_at AS \"processedAt\","
          + " lower(r.status) AS status, r.withdrawn_at AS \"withdrawnAt\","
          + " r.withdrawal_reason AS \"withdrawalReason\", r.kafka_partition AS \"kafkaPartition\","
          + " r.kafka_offset AS \"kafkaOffset\" FROM report r WHERE "
          + ExportKind.REPORT_SCOPE
          + " ORDER BY r.kafka_partition, r.kafka_offset",
      true),
  WITHDRAWALS(
      "withdrawals",
      "SELECT w.id, w.report_id AS \"reportId\", w.office_id AS \"officeId\","
          + " w.filed_by AS \"filedBy\", w.by_admin AS \"byAdmin\", w.reason,"
          + " lower(w.outcome) AS outcome, w.detail, w.received_at AS \"receivedAt\","
          + " w.processed_at AS \"processedAt\", r.region_code AS \"regionCode\", r.day,"
          + " w.kafka_partition AS \"kafkaPartition\", w.kafka_offset AS \"kafkaOffset\""
          + " FROM report_withdrawal w JOIN report r ON r.report_id = w.report_id"
          + " AND r.office_id = w.office_id WHERE "
          + ExportKind.REPORT_SCOPE
          + " ORDER BY w.kafka_partition, w.kafka_offset",
      true),
  DUPLICATES(
      "duplicates",
      "SELECT d.id, d.report_id AS \"reportId\", d.office_id AS \"officeId\","
          + " d.same_content AS \"sameContent\", d.event, d.processed_at AS \"processedAt\","
          + " r.region_code AS \"regionCode\", r.day, d.kafka_partition AS \"kafkaPartition\","
          + " d.kafka_offset AS \"kafkaOffset\" FROM report_duplicate d JOIN report r"
          + " ON r.report_id = d.report_id AND r.office_id = d.office_id WHERE "
          + ExportKind.REPORT_SCOPE
          + " ORDER BY d.kafka_partition, d.kafka_offset",
      true),
  DEAD_LETTERS(
      "dead-letters",
      "SELECT d.id, d.topic, d.kafka_partition AS \"kafkaPartition\","
          + " d.kafka_offset AS \"kafkaOffset\", d.reason, d.detail, d.report_id AS \"reportId\","
          + " d.state, d.processed_at AS \"processedAt\","
          + " encode(d.record_key, 'base64') AS \"recordKeyBase64\","
          + " encode(d.payload, 'base64') AS \"payloadBase64\" FROM dead_letter d"
          + " WHERE (d.processed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ? AND ?"
          + " ORDER BY d.kafka_partition, d.kafka_offset, d.id",
      false);

  /**
   * Parameters: the scope (00 for the nation), the province for the index, the region prefix, the
   * first and last day. Dead letters take the days only.
   */
  static final String REPORT_SCOPE =
      "(?::text = '00' OR (r.province_code = ? AND r.region_code LIKE ?))"
          + " AND r.day BETWEEN ? AND ?";

  private final String path;
  private final String sql;
  private final boolean regional;

  ExportKind(String path, String sql, boolean regional) {
    this.path = path;
    this.sql = sql;
    this.regional = regional;
  }

  String path() {
    return path;
  }

  String sql() {
    return sql;
  }

  /** Whether rows belong to a region; dead letters may not, so only the nation exports them. */
  boolean regional() {
    return regional;
  }

  static Optional<ExportKind> ofPath(String path) {
    for (ExportKind kind : values()) {
      if (kind.path.equals(path)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
