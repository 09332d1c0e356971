package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged ingest in the production profile: it refuses to start without a configured token
 * key, or with the published development key wherever it is read from, and starts with a real one.
 * No broker is needed to start (none is given): the refusal comes first. The packaged console in
 * the production profile: it needs the identity provider, and has no development sign-in.
 */
class ProductionProfileIT {

  @Test
  void refusesToStartWithoutAKey() {
    ServiceProcess ingest = launch(Map.of());
    assertExitsSaying(ingest, "No token key is configured");
  }

  @Test
  void refusesTheDevelopmentKeyByItsPath() {
    ServiceProcess ingest =
        launch(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "shishi-dev-jwt/public.pem"));
    assertExitsSaying(ingest, "the configured token key is the published DEVELOPMENT key");
  }

  @Test
  void refusesTheDevelopmentKeyCopiedElsewhere() throws Exception {
    Path copy = Files.createTempFile("not-the-dev-key", ".pem");
    Files.copy(
        RepoFiles.path("support/web/src/main/resources/shishi-dev-jwt/public.pem"),
        copy,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ServiceProcess ingest = launch(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", copy.toString()));
    assertExitsSaying(ingest, "the configured token key is the published DEVELOPMENT key");
  }

  @Test
  void startsWithTheIdentityProvidersKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Path pem = Files.createTempFile("provider", ".pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    ServiceProcess ingest = launch(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", pem.toString()));
    try {
      await("started")
          .atMost(Duration.ofSeconds(120))
          .until(() -> ingest.log().contains("started in") || !ingest.alive());
      assertThat(ingest.alive()).as(ingest.log()).isTrue();
      assertThat(ingest.log()).contains("Profile prod activated");
      assertLogsJsonLines(ingest);
    } finally {
      ingest.close();
    }
  }

  @Test
  void theConsoleRefusesToStartWithoutAnIdentityProvider() {
    ServiceProcess console =
        new ServiceProcess("console", Map.of("QUARKUS_PROFILE", "prod")).launch();
    assertExitsSaying(console, "auth-server-url");
  }

  /**
   * In production the console signs people in through the identity provider only: the development
   * key configured by mistake is never read, and no page mints a token with it.
   */
  @Test
  void theConsoleHasNoDevelopmentSignInInProduction() throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("QUARKUS_PROFILE", "prod");
    environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/shishi");
    environment.put("QUARKUS_OIDC_CLIENT_ID", "shishi-console");
    environment.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "not-a-real-secret");
    environment.put(
        "SHISHI_CONSOLE_DEV_SIGN_IN_PRIVATE_KEY",
        RepoFiles.path("support/infra/src/main/resources/shishi-dev-jwt/private.pem").toString());
    ServiceProcess console = new ServiceProcess("console", environment).launch();
    try {
      await("started")
          .atMost(Duration.ofSeconds(120))
          .until(() -> console.log().contains("started in") || !console.alive());
      assertThat(console.alive()).as(console.log()).isTrue();
      assertThat(console.log())
          .contains("Profile prod activated")
          .doesNotContain("development sign-in is on");
      assertLogsJsonLines(console);
      for (String path : new String[] {"/sign-in", "/reports", "/file"}) {
        assertThat(ServiceProcess.status(console.url(path))).as(path).isNotEqualTo(200);
      }
    } finally {
      console.close();
    }
  }

  /** In production a record is one JSON object per line, for the cluster's log store. */
  private static void assertLogsJsonLines(ServiceProcess service) throws Exception {
    String started =
        service.log().lines().filter(line -> line.contains("started in")).findFirst().orElseThrow();
    com.fasterxml.jackson.databind.JsonNode record =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(started);
    assertThat(record.path("level").asText()).isEqualTo("INFO");
    assertThat(record.path("loggerName").asText()).isEqualTo("io.quarkus");
    assertThat(record.path("message").asText()).contains("started in");
  }

  private static ServiceProcess launch(Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("QUARKUS_PROFILE", "prod");
    environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
    if (settings.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
      environment.put("MP_JWT_VERIFY_ISSUER", "https://idp.example.gov.cn/realms/shishi");
    }
    return new ServiceProcess("ingest", environment).launch();
  }

  private static void assertExitsSaying(ServiceProcess service, String message) {
    try {
      await("exit").atMost(Duration.ofSeconds(120)).until(() -> !service.alive());
      assertThat(service.exitCode()).isNotZero();
      assertThat(service.log()).contains(message);
    } finally {
      service.close();
    }
  }
}
