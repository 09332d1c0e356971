package cn.shishi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where the load's posts go: B9 warms the generator on one ingest and measures another. */
class ApiTest {
  private static final URI RUNNING = URI.create("http://127.0.0.1:8080");
  private static final URI FRESH = URI.create("http://127.0.0.1:8090");

  @Test
  void postsGoToTheIngestGivenWhenNoOtherIsMeasured() {
    try (Api api = new Api("http://127.0.0.1:8080/", "http://127.0.0.1:8081", 1)) {
      api.measureFrom(0);
      assertThat(api.ingestAt(Long.MAX_VALUE)).isEqualTo(RUNNING);
    }
  }

  @Test
  void postsGoToTheMeasuredIngestOnceTheWarmUpIsOver() {
    try (Api api = new Api("http://127.0.0.1:8080", "http://127.0.0.1:8081", 1)) {
      api.measureIngest("http://127.0.0.1:8090/");
      assertThat(api.ingestAt(5_000)).isEqualTo(RUNNING);
      api.measureFrom(10_000);
      assertThat(api.ingestAt(9_999)).isEqualTo(RUNNING);
      assertThat(api.ingestAt(10_000)).isEqualTo(FRESH);
    }
  }
}
