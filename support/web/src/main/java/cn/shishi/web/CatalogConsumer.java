package cn.shishi.web;

import cn.shishi.catalog.CatalogChange;
import cn.shishi.catalog.CatalogRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the whole catalogue topic at start, then every change, into this instance's registry
 * (docs/adr/0003). Each service configures the {@code catalog} channel with a group of its own.
 */
@ApplicationScoped
public class CatalogConsumer {
  private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);

  private final CatalogRegistry registry;
  private final ObjectMapper json;
  private final Event<CatalogChange> applied;

  public CatalogConsumer(
      CatalogRegistry registry, ObjectMapper json, Event<CatalogChange> applied) {
    this.registry = registry;
    this.json = json;
    this.applied = applied;
  }

  /**
   * Applies a change to this instance's registry, then tells whoever records such changes (the
   * aggregator writes them to its database, hence a worker thread, in order).
   */
  @Incoming("catalog")
  @Blocking
  public void apply(String value) {
    CatalogChange change;
    try {
      change = json.readValue(value, CatalogChange.class);
      registry.apply(change);
    } catch (Exception e) {
      LOG.warnf("ignoring a catalogue record that is not a valid change: %s", e.getMessage());
      return;
    }
    applied.fire(change);
  }
}
