package cn.shishi.aggregator.audit;

import cn.shishi.catalog.CatalogChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Records every catalogue change an admin made (the ingest publishes them; every aggregator reads
 * them all), once: the log's unique index on the change's key and time absorbs the repeats.
 */
@ApplicationScoped
public class CatalogChanges {
  private static final Logger LOG = Logger.getLogger(CatalogChanges.class);

  private final AuditLog log;

  public CatalogChanges(AuditLog log) {
    this.log = log;
  }

  void onChange(@Observes CatalogChange change) {
    if (change.changedAt() == null || change.changedBy() == null) {
      return;
    }
    try {
      log.record(
          Actor.of(change.changedBy()),
          AdminAction.CATALOG_CHANGE,
          change.key(),
          change.name() + (change.description() == null ? "" : " — " + change.description()),
          change.changedAt());
    } catch (RuntimeException e) {
      LOG.warnf("a catalogue change was not recorded in the log of actions: %s", e);
    }
  }
}
