package cn.shishi.aggregator.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A duplicate delivery of a report, kept for audit; it changed no total. */
@Entity
@Table(name = "report_duplicate")
public class DuplicateEntity extends PanacheEntityBase {
  @Id public long id;

  @Column(name = "report_id")
  public UUID reportId;

  @Column(name = "same_content")
  public boolean sameContent;

  @Column(name = "office_id")
  public String officeId;

  public String event;

  @Column(name = "processed_at")
  public Instant processedAt;

  public static List<DuplicateEntity> of(UUID reportId) {
    return list("reportId = ?1 order by id", reportId);
  }
}
