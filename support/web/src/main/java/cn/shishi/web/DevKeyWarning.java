package cn.shishi.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says loudly when a service trusts the published development key. */
@ApplicationScoped
public class DevKeyWarning {
  static final String DEV_KEY = "shishi-dev-jwt/public.pem";
  private static final Logger LOG = Logger.getLogger(DevKeyWarning.class);

  private final String keyLocation;

  public DevKeyWarning(
      @ConfigProperty(name = "mp.jwt.verify.publickey.location", defaultValue = "")
          String keyLocation) {
    this.keyLocation = keyLocation;
  }

  void onStart(@Observes StartupEvent event) {
    if (keyLocation.endsWith(DEV_KEY)) {
      LOG.warn(
          "Trusting the DEVELOPMENT token key, whose private half is public: anyone can mint"
              + " tokens. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION for a deployment (docs/security.md).");
    }
  }
}
