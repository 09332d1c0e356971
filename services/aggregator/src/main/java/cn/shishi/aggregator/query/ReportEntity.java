package cn.shishi.aggregator.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ledger row, for reading: auditors list and trace reports through it. Rows are written in bulk
 * by the batch ({@code apply.LedgerWriter}), never through this entity. A report's key is its
 * office and its id ({@link Key}).
 */
@Entity
@Table(name = "report")
@IdClass(ReportEntity.Key.class)
public class ReportEntity extends PanacheEntityBase {
  @Id
  @Column(name = "report_id")
  public UUID reportId;

  @Id
  @Column(name = "office_id")
  public String officeId;

  @Column(name = "filed_by")
  public String filedBy;

  @Column(name = "region_code", columnDefinition = "char(6)")
  public String regionCode;

  @Column(name = "province_code", columnDefinition = "char(2)")
  public String provinceCode;

  @Column(name = "city_code", columnDefinition = "char(4)")
  public String cityCode;

  public String program;

  @Column(name = "task_type")
  public String taskType;

  public int quantity;
  public int beneficiaries;

  @Column(name = "completed_at")
  public Instant completedAt;

  public LocalDate day;
  public String note;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Column(name = "processed_at")
  public Instant processedAt;

  @Column(name = "kafka_partition")
  public int kafkaPartition;

  @Column(name = "kafka_offset")
  public long kafkaOffset;

  public String status;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @Column(name = "withdrawal_reason")
  public String withdrawalReason;

  /** The ledger's key: an office's id for a report is unique within that office. */
  public static class Key implements java.io.Serializable {
    public UUID reportId;
    public String officeId;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && java.util.Objects.equals(reportId, key.reportId)
          && java.util.Objects.equals(officeId, key.officeId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(reportId, officeId);
    }
  }
}
