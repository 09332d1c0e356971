package cn.shishi.aggregator.office;

import cn.shishi.aggregator.query.QueryTimeouts;
import cn.shishi.aggregator.query.ReportEntity;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One office's part of the ledger, newest first, through the index on (office_id, received_at).
 * Every query names the office: nothing here can read another office's reports.
 */
@ApplicationScoped
public class OfficeQueries {

  private final EntityManager entityManager;
  private final int timeoutMillis;

  public OfficeQueries(EntityManager entityManager, QueryTimeouts timeouts) {
    this.entityManager = entityManager;
    // An office reads as much as a manager: its own reports, a small part of the ledger.
    this.timeoutMillis = QueryTimeouts.hintMillis(timeouts.manager());
  }

  /** Up to {@code limit} of the office's reports received before the cursor, newest first. */
  public List<ReportEntity> page(
      String office, OfficeFilter filter, Optional<OfficeCursor> before, int limit) {
    StringBuilder query = new StringBuilder("officeId = :office");
    Parameters parameters = Parameters.with("office", office);
    filter.program().ifPresent(p -> and(query, parameters, "program = :program", "program", p));
    filter.taskType().ifPresent(t -> and(query, parameters, "taskType = :taskType", "taskType", t));
    filter.from().ifPresent(from -> and(query, parameters, "day >= :from", "from", from));
    filter.to().ifPresent(to -> and(query, parameters, "day <= :to", "to", to));
    before.ifPresent(
        cursor -> {
          query.append(" and (receivedAt < :at or (receivedAt = :at and reportId < :id))");
          parameters.and("at", cursor.receivedAt()).and("id", cursor.reportId());
        });
    query.append(" order by receivedAt desc, reportId desc");
    return ReportEntity.<ReportEntity>find(query.toString(), parameters)
        .withHint(QueryTimeouts.HINT, timeoutMillis)
        .range(0, limit - 1)
        .list();
  }

  /** The office's report with this id, if the ledger has it. */
  public Optional<ReportEntity> find(String office, UUID reportId) {
    return ReportEntity.<ReportEntity>find("officeId = ?1 and reportId = ?2", office, reportId)
        .withHint(QueryTimeouts.HINT, timeoutMillis)
        .firstResultOptional();
  }

  /** Each month's counted reports of the office, by program and task type, newest month first. */
  @SuppressWarnings("unchecked")
  public List<Object[]> months(String office, OfficeFilter filter) {
    return entityManager
        .createNativeQuery(
            "SELECT to_char(day, 'YYYY-MM'), program, task_type, count(*), sum(quantity),"
                + " sum(beneficiaries) FROM report"
                + " WHERE office_id = ?1 AND status = 'COUNTED'"
                + " AND (?2 = '' OR program = ?2) AND (?3 = '' OR task_type = ?3)"
                + " AND day >= ?4 AND day <= ?5"
                + " GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3")
        .setParameter(1, office)
        .setParameter(2, filter.program().orElse(""))
        .setParameter(3, filter.taskType().orElse(""))
        .setParameter(4, filter.from().orElse(LocalDate.of(1, 1, 1)))
        .setParameter(5, filter.to().orElse(LocalDate.of(9999, 12, 31)))
        .setHint(QueryTimeouts.HINT, timeoutMillis)
        .getResultList();
  }

  /** The reasons and payloads of the dead letters that carry this report id. */
  @SuppressWarnings("unchecked")
  public List<Object[]> deadLetters(UUID reportId) {
    return entityManager
        .createNativeQuery(
            "SELECT reason, detail, payload FROM dead_letter WHERE report_id = ?1 ORDER BY id")
        .setParameter(1, reportId)
        .setHint(QueryTimeouts.HINT, timeoutMillis)
        .getResultList();
  }

  private static void and(
      StringBuilder query, Parameters parameters, String condition, String name, Object value) {
    query.append(" and ").append(condition);
    parameters.and(name, value);
  }
}
