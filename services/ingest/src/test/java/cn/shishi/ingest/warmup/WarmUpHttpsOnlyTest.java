package cn.shishi.ingest.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.ingest.config.IngestConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance that serves only HTTPS opens no plain HTTP port, so the warm-up starts when the HTTPS
 * server does: its reports warm, it sends no requests, and the instance becomes ready.
 */
@QuarkusTest
@TestProfile(WarmUpHttpsOnlyTest.HttpsOnly.class)
@WithTestResource(ShishiInfrastructureResource.class)
class WarmUpHttpsOnlyTest {
  private static final String PASSWORD = "warm-up-test";

  public static class HttpsOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.insecure-requests",
          "disabled",
          "quarkus.http.test-ssl-port",
          "0",
          "quarkus.tls.key-store.p12.path",
          ServerKey.PATH.toString(),
          "quarkus.tls.key-store.p12.password",
          PASSWORD);
    }
  }

  // The management interface takes the default TLS configuration too.
  @TestHTTPResource(value = "/health/ready", management = true, tls = true)
  URL readiness;

  @Inject WarmUp warmUp;
  @Inject IngestConfig config;

  @Test
  void anInstanceWithoutPlainHttpWarmsItsReportsAndBecomesReady() {
    AwaitReady.at(readiness);

    assertThat(warmUp.serialised())
        .as("every made-up report warmed")
        .isEqualTo(config.warmUpReports());
    assertThat(warmUp.requestsSent()).as("no request sent without a plain HTTP port").isZero();
  }

  /**
   * A throw-away self-signed key and certificate, made once by the JDK's keytool: none committed.
   */
  private static final class ServerKey {
    static final Path PATH = make();
  }

  private static Path make() {
    try {
      Path directory = Files.createTempDirectory("warm-up-https");
      Path store = directory.resolve("server.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=localhost",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  PASSWORD)
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("keytool.log").toFile())
              .start();
      if (keytool.waitFor() != 0) {
        throw new IllegalStateException(
            "keytool failed: " + Files.readString(directory.resolve("keytool.log")));
      }
      for (Path made : List.of(directory, directory.resolve("keytool.log"), store)) {
        made.toFile().deleteOnExit();
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
