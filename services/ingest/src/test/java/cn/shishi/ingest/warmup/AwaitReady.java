package cn.shishi.ingest.warmup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;

/** The warm-up tests' wait for an instance to say it is ready. */
final class AwaitReady {
  private AwaitReady() {}

  /** Until {@code readiness} answers 200, over plain HTTP or HTTPS (a test's own certificate). */
  static void at(URL readiness) {
    await("ready")
        .atMost(Duration.ofSeconds(60))
        .until(() -> given().relaxedHTTPSValidation().get(readiness).statusCode() == 200);
  }
}
