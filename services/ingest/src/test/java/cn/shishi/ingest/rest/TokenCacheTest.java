package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shishi.infra.DevTokens;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The bearer-token check remembers verified tokens, and only those. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class TokenCacheTest {
  @Inject JWTParser parser;

  @Test
  void aVerifiedTokenIsNotVerifiedAgain() throws ParseException {
    String text = DevTokens.token("cache-office-1", "office", "3304").mint();

    JsonWebToken first = parser.parse(text);

    assertThat(parser.parse(text)).isSameAs(first);
    assertThat(parser.parse(DevTokens.token("cache-office-2", "office", "3304").mint()))
        .isNotSameAs(first);
  }

  @Test
  void aForgedTwinOfAVerifiedTokenIsRefused() throws ParseException {
    parser.parse(DevTokens.token("cache-office-3", "office", "3304").mint());
    String forged = DevTokens.token("cache-office-3", "office", "3304").signedByStranger().mint();

    assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> parser.parse(forged))
        .as("a refusal is not remembered as a verdict")
        .isInstanceOf(ParseException.class);
  }
}
