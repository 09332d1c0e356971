package cn.shishi.aggregator.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A withdrawal as the ledger recorded it, applied or rejected. */
@Entity
@Table(name = "report_withdrawal")
public class WithdrawalEntity extends PanacheEntityBase {
  @Id public long id;

  @Column(name = "report_id")
  public UUID reportId;

  @Column(name = "office_id")
  public String officeId;

  @Column(name = "filed_by")
  public String filedBy;

  @Column(name = "by_admin")
  public boolean byAdmin;

  public String reason;
  public String outcome;
  public String detail;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Column(name = "processed_at")
  public Instant processedAt;

  public static List<WithdrawalEntity> of(UUID reportId) {
    return list("reportId = ?1 order by id", reportId);
  }
}
