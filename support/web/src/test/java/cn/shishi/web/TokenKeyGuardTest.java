package cn.shishi.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a production start refuses: no key, no issuer, or the published development key. */
class TokenKeyGuardTest {
  private static final Optional<String> ISSUER = Optional.of("https://idp.example.gov.cn/shishi");

  @TempDir Path dir;

  private static TokenKeyGuard guard(String location, String inline, Optional<String> issuer) {
    return new TokenKeyGuard(Optional.ofNullable(location), Optional.ofNullable(inline), issuer);
  }

  private static String developmentPem() throws IOException {
    try (InputStream in =
        TokenKeyGuardTest.class.getClassLoader().getResourceAsStream(TokenKeyGuard.DEV_KEY)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static RSAPublicKey anotherKey() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return (RSAPublicKey) generator.generateKeyPair().getPublic();
  }

  private static String pem(RSAPublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String jwks(BigInteger modulus) {
    byte[] n = modulus.toByteArray();
    return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"e\":\"AQAB\",\"n\":\""
        + Base64.getUrlEncoder().withoutPadding().encodeToString(n)
        + "\"}]}";
  }

  @Test
  void refusesTheDevelopmentKeyWhereverItIsReadFrom() throws Exception {
    Path copied = Files.writeString(dir.resolve("idp.pem"), developmentPem());
    Path asJwks =
        Files.writeString(
            dir.resolve("jwks.json"), jwks(TokenKeyGuard.modulusOf(developmentPem())));
    for (TokenKeyGuard guard :
        new TokenKeyGuard[] {
          guard(TokenKeyGuard.DEV_KEY, null, ISSUER),
          guard(copied.toString(), null, ISSUER),
          guard("file:" + copied, null, ISSUER),
          guard(asJwks.toString(), null, ISSUER),
          guard(null, developmentPem(), ISSUER)
        }) {
      assertThatThrownBy(guard::refuseWhatProductionMustNotTrust)
          .hasMessageContaining("DEVELOPMENT key");
    }
  }

  @Test
  void acceptsAnotherKeyWithAnIssuer() throws Exception {
    RSAPublicKey key = anotherKey();
    Path file = Files.writeString(dir.resolve("idp.pem"), pem(key));
    Path asJwks = Files.writeString(dir.resolve("jwks.json"), jwks(key.getModulus()));
    assertThatCode(() -> guard(file.toString(), null, ISSUER).refuseWhatProductionMustNotTrust())
        .doesNotThrowAnyException();
    assertThatCode(() -> guard(asJwks.toString(), null, ISSUER).refuseWhatProductionMustNotTrust())
        .doesNotThrowAnyException();
  }

  @Test
  void refusesToStartWithoutAKeyOrAnIssuer() throws Exception {
    assertThatThrownBy(() -> guard(null, null, ISSUER).refuseWhatProductionMustNotTrust())
        .hasMessageContaining("No token key");
    // SmallRye JWT's own default for an unset inline key.
    assertThatThrownBy(() -> guard(null, "NONE", ISSUER).refuseWhatProductionMustNotTrust())
        .hasMessageContaining("No token key");
    Path file = Files.writeString(dir.resolve("idp.pem"), pem(anotherKey()));
    assertThatThrownBy(
            () -> guard(file.toString(), null, Optional.empty()).refuseWhatProductionMustNotTrust())
        .hasMessageContaining("No token issuer");
  }
}
