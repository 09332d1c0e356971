package cn.shishi.aggregator.query;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** How long a caller's query statements may run: by role (auditors longest). */
@ApplicationScoped
public class QueryTimeouts {
  /** JPA's hint for a statement's timeout, in milliseconds (PostgreSQL cancels it past that). */
  public static final String HINT = "jakarta.persistence.query.timeout";

  private final AggregatorConfig.Queries config;

  public QueryTimeouts(AggregatorConfig config) {
    this.config = config.queries();
  }

  public Duration of(Caller caller) {
    return caller.roles().contains("auditor") ? config.auditorTimeout() : config.managerTimeout();
  }

  /** {@code timeout} as {@link #HINT} takes it: whole milliseconds, at most an int. */
  public static int hintMillis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  /** A manager's, which an office's questions about its own reports get too. */
  public Duration manager() {
    return config.managerTimeout();
  }

  /** An auditor's: the ledger is theirs alone. */
  public Duration auditor() {
    return config.auditorTimeout();
  }
}
