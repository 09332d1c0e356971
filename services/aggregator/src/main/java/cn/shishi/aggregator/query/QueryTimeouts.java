package cn.shishi.aggregator.query;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.web.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** How long a caller's query statements may run: by role (auditors longest). */
@ApplicationScoped
public class QueryTimeouts {
  private final AggregatorConfig.Queries config;

  public QueryTimeouts(AggregatorConfig config) {
    this.config = config.queries();
  }

  public Duration of(Caller caller) {
    return caller.roles().contains("auditor") ? config.auditorTimeout() : config.managerTimeout();
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
