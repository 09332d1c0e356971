package cn.shishi.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 JWTs with the development key (see shishi-dev-jwt/README.md): for {@code bin/shishi
 * token} and for tests, which also need the broken kinds (expired, wrong issuer, bad signature,
 * {@code alg: none}) to prove they are refused.
 */
public final class DevTokens {
  public static final String ISSUER = "https://shishi.example.cn/dev";
  public static final String AUDIENCE = "shishi";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private String subject = "dev-user";
  private List<String> roles = List.of();
  private String region;
  private String office;
  private String issuer = ISSUER;
  private String audience = AUDIENCE;
  private Instant issuedAt = Instant.now();
  private Instant expiresAt = issuedAt.plus(Duration.ofHours(8));
  private Instant notBefore;
  private PrivateKey key = devKey();
  private boolean unsigned;

  private DevTokens() {}

  /** A token for {@code subject} with {@code role} over {@code region} (a 2-6 digit code). */
  public static DevTokens token(String subject, String role, String region) {
    DevTokens token = new DevTokens();
    token.subject = subject;
    token.roles = List.of(role);
    token.region = region;
    return token;
  }

  public DevTokens roles(String... roles) {
    this.roles = List.of(roles);
    return this;
  }

  /** The office the person works for (the {@code office} claim), when it is not the subject. */
  public DevTokens office(String office) {
    this.office = office;
    return this;
  }

  public DevTokens issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public DevTokens audience(String audience) {
    this.audience = audience;
    return this;
  }

  public DevTokens validFor(Duration duration) {
    this.expiresAt = issuedAt.plus(duration);
    return this;
  }

  public DevTokens expired() {
    this.issuedAt = Instant.now().minus(Duration.ofHours(2));
    this.expiresAt = Instant.now().minus(Duration.ofHours(1));
    return this;
  }

  public DevTokens notYetValid() {
    this.notBefore = Instant.now().plus(Duration.ofHours(1));
    return this;
  }

  /** Signed with a key nobody trusts. */
  public DevTokens signedByStranger() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.key = generator.generateKeyPair().getPrivate();
      return this;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none}, no signature: the classic forgery. */
  public DevTokens unsigned() {
    this.unsigned = true;
    return this;
  }

  public String mint() {
    ObjectNode header =
        JSON.createObjectNode().put("alg", unsigned ? "none" : "RS256").put("typ", "JWT");
    if (!unsigned) {
      header.put("kid", "shishi-dev");
    }
    ObjectNode claims =
        JSON.createObjectNode()
            .put("iss", issuer)
            .put("aud", audience)
            .put("sub", subject)
            .put("upn", subject)
            .put("iat", issuedAt.getEpochSecond())
            .put("exp", expiresAt.getEpochSecond())
            .put("jti", UUID.randomUUID().toString());
    if (notBefore != null) {
      claims.put("nbf", notBefore.getEpochSecond());
    }
    if (office != null) {
      claims.put("office", office);
    }
    if (region != null) {
      claims.put("region", region);
    }
    roles.forEach(claims.putArray("groups")::add);
    String signingInput = encode(header) + "." + encode(claims);
    return signingInput + "." + (unsigned ? "" : sign(signingInput));
  }

  private static String encode(ObjectNode node) {
    return BASE64URL.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String input) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private static PrivateKey devKey() {
    try (InputStream in = DevTokens.class.getResourceAsStream("/shishi-dev-jwt/private.pem")) {
      String pem =
          new String(in.readAllBytes(), StandardCharsets.US_ASCII)
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the development key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the development key is not a PKCS#8 RSA key", e);
    }
  }
}
