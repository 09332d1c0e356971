package cn.shishi.web;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The published development key (support/web's {@code shishi-dev-jwt/public.pem}; its private half
 * is in the repository) is trusted only in the {@code dev}, {@code test} and {@code local}
 * profiles, and loudly. In any other profile a service refuses to start without a configured key
 * and issuer, and refuses to start when the key it would trust is the development key, whatever the
 * path or URL it is read from: the key itself is compared (docs/security.md).
 */
@ApplicationScoped
public class TokenKeyGuard {
  static final String DEV_KEY = "shishi-dev-jwt/public.pem";
  static final List<String> DEVELOPMENT_PROFILES = List.of("dev", "test", "local");
  private static final Logger LOG = Logger.getLogger(TokenKeyGuard.class);

  private final Optional<String> location;
  private final Optional<String> inlineKey;
  private final Optional<String> issuer;

  public TokenKeyGuard(
      @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
      @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey,
      @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
    this.location = location.filter(TokenKeyGuard::isSet);
    this.inlineKey = inlineKey.filter(TokenKeyGuard::isSet);
    this.issuer = issuer.filter(TokenKeyGuard::isSet);
  }

  /** SmallRye JWT reads "NONE" as "not configured"; some of its properties default to it. */
  private static boolean isSet(String value) {
    return !value.isBlank() && !"NONE".equals(value);
  }

  void onStart(@Observes StartupEvent event) {
    boolean development =
        ConfigUtils.getProfiles().stream().anyMatch(DEVELOPMENT_PROFILES::contains);
    if (development) {
      if (trustsDevelopmentKey()) {
        LOG.warn(
            "Trusting the DEVELOPMENT token key, whose private half is public: anyone can mint"
                + " tokens. This profile is for development and local trials only.");
      }
      return;
    }
    refuseWhatProductionMustNotTrust();
  }

  /** Throws, stopping the start, when the configuration would be unsafe in production. */
  void refuseWhatProductionMustNotTrust() {
    if (location.isEmpty() && inlineKey.isEmpty()) {
      throw new IllegalStateException(
          "No token key is configured. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the identity"
              + " provider's JWKS URL or a PEM file, and MP_JWT_VERIFY_ISSUER (docs/security.md).");
    }
    if (issuer.isEmpty()) {
      throw new IllegalStateException(
          "No token issuer is configured. Set MP_JWT_VERIFY_ISSUER to the identity provider's"
              + " issuer (docs/security.md).");
    }
    if (trustsDevelopmentKey()) {
      throw new IllegalStateException(
          "Refusing to start: the configured token key is the published DEVELOPMENT key, whose"
              + " private half is in the repository. Configure the identity provider's key"
              + " (docs/security.md), or run with QUARKUS_PROFILE=local for a local trial.");
    }
  }

  private boolean trustsDevelopmentKey() {
    BigInteger development = modulusOf(pem(DEV_KEY));
    if (inlineKey.isPresent() && development.equals(modulusOf(inlineKey.get()))) {
      return true;
    }
    return location.map(this::moduli).orElse(List.of()).contains(development);
  }

  /** The RSA moduli of the keys at {@code where}: a PEM file or resource, or a JWKS URL. */
  private List<BigInteger> moduli(String where) {
    try {
      if (where.startsWith("http://") || where.startsWith("https://")) {
        return Jwks.moduli(fetch(where));
      }
      String text =
          Files.exists(Path.of(where.replaceFirst("^file:", "")))
              ? Files.readString(Path.of(where.replaceFirst("^file:", "")))
              : pem(where.replaceFirst("^classpath:", ""));
      return text.contains("\"keys\"") ? Jwks.moduli(text) : List.of(modulusOf(text));
    } catch (IOException | RuntimeException e) {
      // A key that cannot be read here is not the development key; verification will say more.
      LOG.debugf("the token key at %s could not be compared: %s", where, e);
      return List.of();
    }
  }

  private static String fetch(String url) throws IOException {
    try {
      return HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted fetching " + url, e);
    }
  }

  private static String pem(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The modulus of an RSA public key in PEM (or its bare base64). */
  static BigInteger modulusOf(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      RSAPublicKey key =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      return key.getModulus();
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("not an RSA public key", e);
    }
  }
}
