package cn.shishi.console.session;

import cn.shishi.catalog.Regions;
import cn.shishi.console.ConsoleConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The development sign-in: mints a token with the published development key, as {@code bin/shishi
 * token} does, for the person chosen on the sign-in page. It exists only in the {@code dev}, {@code
 * test} and {@code local} profiles and only when the key's file is configured: the key is not in
 * the console's jar, and a production start never reads it.
 */
// Made at start, so that its warning is the first thing the log says of a development sign-in.
@Startup
@ApplicationScoped
public class DevSignIn {
  public static final String ISSUER = "https://shishi.example.cn/dev";
  public static final String AUDIENCE = "shishi";
  static final List<String> DEVELOPMENT_PROFILES = List.of("dev", "test", "local");
  private static final Logger LOG = Logger.getLogger(DevSignIn.class);

  private final ConsoleConfig.DevSignIn config;
  private final Optional<PrivateKey> key;
  private final Optional<JwtConsumer> verifier;

  public DevSignIn(ConsoleConfig config) {
    this.config = config.devSignIn();
    boolean development =
        ConfigUtils.getProfiles().stream().anyMatch(DEVELOPMENT_PROFILES::contains);
    this.key = development ? this.config.privateKey().map(DevSignIn::read) : Optional.empty();
    this.verifier = key.map(DevSignIn::verifierOf);
    if (key.isPresent()) {
      LOG.warn(
          "The development sign-in is on: anyone can sign in as any office. This profile is for"
              + " development and local trials only.");
    }
  }

  public boolean enabled() {
    return key.isPresent();
  }

  /** A token for {@code subject} of {@code office}, with {@code role} over {@code region}. */
  public String mint(String subject, String office, String region, String role) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .upn(subject)
        .groups(Set.of(role))
        .claim("region", region)
        .claim("office", office)
        .expiresIn(config.validFor())
        .jws()
        .keyId("shishi-dev")
        .sign(key.orElseThrow());
  }

  /** The person a development token names, if it is one this console signed and still valid. */
  public Optional<Person> person(String token) {
    if (verifier.isEmpty() || token == null || token.isBlank()) {
      return Optional.empty();
    }
    try {
      JwtClaims claims = verifier.get().processToClaims(token);
      return Optional.of(
          new Person(
              claims.getSubject(),
              claims.getStringClaimValue("office"),
              Regions.scopeOfClaim(claims.getStringClaimValue("region")),
              Set.copyOf(claims.getStringListClaimValue("groups")),
              token));
    } catch (InvalidJwtException | MalformedClaimException e) {
      LOG.debugf("a development sign-in cookie was refused: %s", e.getMessage());
      return Optional.empty();
    }
  }

  private static PrivateKey read(java.nio.file.Path file) {
    try {
      return KeyUtils.decodePrivateKey(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the development key " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not a PKCS#8 RSA key: " + file, e);
    }
  }

  private static JwtConsumer verifierOf(PrivateKey key) {
    return new JwtConsumerBuilder()
        .setExpectedIssuer(ISSUER)
        .setExpectedAudience(AUDIENCE)
        .setRequireExpirationTime()
        .setRequireSubject()
        .setVerificationKey(publicHalf(key))
        .build();
  }

  /** The public key of an RSA private key in CRT form, as PKCS#8 keys are. */
  private static PublicKey publicHalf(PrivateKey key) {
    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
