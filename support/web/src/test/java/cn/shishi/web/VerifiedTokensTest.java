package cn.shishi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final long NOW = 1_800_000_000L;

  @Test
  void knowsAVerifiedTokenUntilItExpires() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3600);
    JsonWebToken token = expiringAt(NOW + 60);

    tokens.remember("a.b.c", token, NOW);

    assertThat(tokens.find("a.b.c", NOW)).containsSame(token);
    assertThat(tokens.find("a.b.c", NOW + 59)).containsSame(token);
    assertThat(tokens.find("a.b.c", NOW + 60)).isEmpty();
    assertThat(tokens.find("a.b.c", NOW)).as("dropped once expired").isEmpty();
  }

  @Test
  void forgetsAVerifiedTokenAfterTheMaximumAgeThoughItLivesOn() {
    VerifiedTokens tokens = new VerifiedTokens(10, 600);
    JsonWebToken token = expiringAt(NOW + 86_400);

    tokens.remember("a.b.c", token, NOW);

    assertThat(tokens.find("a.b.c", NOW + 599)).containsSame(token);
    assertThat(tokens.find("a.b.c", NOW + 600)).as("verified again from then on").isEmpty();
  }

  @Test
  void knowsOnlyTheExactText() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3600);
    tokens.remember("a.b.c", expiringAt(NOW + 60), NOW);

    assertThat(tokens.find("a.b.d", NOW)).isEmpty();
    assertThat(tokens.find("a.b.c ", NOW)).isEmpty();
  }

  @Test
  void neverRemembersAnExpiredToken() {
    VerifiedTokens tokens = new VerifiedTokens(10, 3600);

    tokens.remember("a.b.c", expiringAt(NOW), NOW);

    assertThat(tokens.find("a.b.c", NOW - 1)).isEmpty();
  }

  @Test
  void whenFullDropsTheExpiredFirst() {
    VerifiedTokens tokens = new VerifiedTokens(2, 3600);
    tokens.remember("short", expiringAt(NOW + 1), NOW);
    tokens.remember("long", expiringAt(NOW + 600), NOW);

    tokens.remember("new", expiringAt(NOW + 600), NOW + 5);

    assertThat(tokens.find("long", NOW + 5)).isPresent();
    assertThat(tokens.find("new", NOW + 5)).isPresent();
  }

  @Test
  void whenFullOfLiveTokensStartsAgain() {
    VerifiedTokens tokens = new VerifiedTokens(2, 3600);
    tokens.remember("one", expiringAt(NOW + 600), NOW);
    tokens.remember("two", expiringAt(NOW + 600), NOW);

    tokens.remember("three", expiringAt(NOW + 600), NOW);

    assertThat(tokens.find("one", NOW)).isEmpty();
    assertThat(tokens.find("two", NOW)).isEmpty();
    assertThat(tokens.find("three", NOW)).isPresent();
  }

  @Test
  void capacityZeroOrLessRemembersNothing() {
    for (int capacity : new int[] {0, -1}) {
      VerifiedTokens tokens = new VerifiedTokens(capacity, 3600);

      tokens.remember("a.b.c", expiringAt(NOW + 60), NOW);

      assertThat(tokens.find("a.b.c", NOW)).as("capacity %d", capacity).isEmpty();
    }
  }

  private static JsonWebToken expiringAt(long epochSecond) {
    return new JsonWebToken() {
      @Override
      public String getName() {
        return "office";
      }

      @Override
      public Set<String> getClaimNames() {
        return Set.of(Claims.exp.name());
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String claimName) {
        return Claims.exp.name().equals(claimName) ? (T) Long.valueOf(epochSecond) : null;
      }
    };
  }
}
