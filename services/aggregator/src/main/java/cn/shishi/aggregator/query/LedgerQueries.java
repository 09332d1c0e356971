package cn.shishi.aggregator.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger's read side, for auditors: filtered pages in report-id order, and one report. */
@ApplicationScoped
public class LedgerQueries {

  private final EntityManager entityManager;
  private final int timeoutMillis;

  public LedgerQueries(EntityManager entityManager, QueryTimeouts timeouts) {
    this.entityManager = entityManager;
    this.timeoutMillis = QueryTimeouts.hintMillis(timeouts.auditor());
  }

  /** Which reports to list; absent filters match everything. */
  public record Filter(
      Optional<String> region,
      Optional<String> program,
      Optional<String> taskType,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      Optional<String> office,
      Optional<UUID> after) {}

  /** Up to {@code limit} reports after the cursor, in report-id order (keyset paging). */
  public List<ReportEntity> list(Filter filter, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    filter
        .region()
        .ifPresent(
            region -> {
              String column =
                  switch (region.length()) {
                    case 2 -> "provinceCode";
                    case 4 -> "cityCode";
                    default -> "regionCode";
                  };
              query.append(" and ").append(column).append(" = :region");
              parameters.and("region", region);
            });
    filter.program().ifPresent(p -> and(query, parameters, "program", p));
    filter.taskType().ifPresent(t -> and(query, parameters, "taskType", t));
    filter.office().ifPresent(o -> and(query, parameters, "officeId", o));
    filter
        .from()
        .ifPresent(
            from -> {
              query.append(" and day >= :from");
              parameters.and("from", from);
            });
    filter
        .to()
        .ifPresent(
            to -> {
              query.append(" and day <= :to");
              parameters.and("to", to);
            });
    filter
        .after()
        .ifPresent(
            after -> {
              query.append(" and reportId > :after");
              parameters.and("after", after);
            });
    query.append(" order by reportId");
    return ReportEntity.<ReportEntity>find(query.toString(), parameters)
        .withHint(QueryTimeouts.HINT, timeoutMillis)
        .range(0, limit - 1)
        .list();
  }

  private static void and(StringBuilder query, Parameters parameters, String field, String value) {
    query.append(" and ").append(field).append(" = :").append(field);
    parameters.and(field, value);
  }

  /** The reports with this id: one per office that used it, in office order. */
  public List<ReportEntity> find(UUID reportId) {
    return ReportEntity.<ReportEntity>find("reportId = ?1 order by officeId", reportId)
        .withHint(QueryTimeouts.HINT, timeoutMillis)
        .list();
  }

  public List<WithdrawalEntity> withdrawals(UUID reportId) {
    return WithdrawalEntity.of(reportId);
  }

  public List<DuplicateEntity> duplicates(UUID reportId) {
    return DuplicateEntity.of(reportId);
  }

  /** The reasons this report was dead-lettered, if it ever was. */
  @SuppressWarnings("unchecked")
  public List<String> deadLetterReasons(UUID reportId) {
    return entityManager
        .createNativeQuery(
            "SELECT reason || ': ' || coalesce(detail, '') FROM dead_letter WHERE report_id = ?1"
                + " ORDER BY id")
        .setParameter(1, reportId)
        .getResultList();
  }
}
