package cn.shishi.aggregator.domain;

import cn.shishi.aggregator.config.AggregatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reconciles at start and then every {@code shishi.aggregator.reconciliation-interval}, so that the
 * drift gauge (and its alert) says something true without anyone asking.
 */
@ApplicationScoped
public class ReconciliationSchedule {
  private static final Logger LOG = Logger.getLogger(ReconciliationSchedule.class);

  private final ReconciliationService reconciliation;
  private final AggregatorConfig config;
  private ScheduledExecutorService executor;

  public ReconciliationSchedule(ReconciliationService reconciliation, AggregatorConfig config) {
    this.reconciliation = reconciliation;
    this.config = config;
  }

  void start(@Observes StartupEvent event) {
    long seconds = config.reconciliationInterval().toSeconds();
    if (seconds <= 0) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "reconciliation"));
    executor.scheduleWithFixedDelay(this::reconcile, 5, seconds, TimeUnit.SECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private void reconcile() {
    try {
      Reconciliation result = reconciliation.reconcile();
      if (result.drift() > 0) {
        LOG.errorf("reconciliation: %d rollup cells disagree with the ledger", result.drift());
      }
    } catch (RuntimeException e) {
      LOG.warnf("reconciliation could not run: %s", e.toString());
    }
  }
}
