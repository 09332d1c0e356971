package cn.shishi.web;

import cn.shishi.catalog.CatalogChange;
import cn.shishi.catalog.CatalogRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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

  public CatalogConsumer(CatalogRegistry registry, ObjectMapper json) {
    this.registry = registry;
    this.json = json;
  }

  @Incoming("catalog")
  public void apply(String value) {
    try {
      registry.apply(json.readValue(value, CatalogChange.class));
    } catch (Exception e) {
      LOG.warnf("ignoring a catalogue record that is not a valid change: %s", e.getMessage());
    }
  }
}
