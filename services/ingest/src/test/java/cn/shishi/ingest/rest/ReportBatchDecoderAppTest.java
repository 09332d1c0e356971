package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder the application uses, against the mapper Quarkus built (every module and customizer
 * it found), rather than {@code ReportBatchDecoderTest}'s imitation of it.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ReportBatchDecoderAppTest {
  @Inject ObjectMapper json;
  @Inject ReportBatchDecoder decoder;

  private DecodingComparison comparison() {
    return new DecodingComparison(decoder, json);
  }

  @Test
  void readsPlainBatchesAsTheApplicationsMapperDoes() {
    DecodingComparison comparison = comparison();
    for (String body : BatchBodies.plain()) {
      assertThat(comparison.assertSameOutcome(body)).as(body).isTrue();
    }
    Random random = new Random(20261206);
    for (int batch = 0; batch < 200; batch++) {
      byte[] body = BatchBodies.randomBatch(json.getFactory(), random, 1 + random.nextInt(20));
      assertThat(comparison.assertSameOutcome(body)).isTrue();
    }
  }

  @Test
  void refusesWhatTheApplicationsMapperRefuses() {
    DecodingComparison comparison = comparison();
    for (String fields : BatchBodies.reportDeviations()) {
      assertThat(comparison.assertSameOutcome(BatchBodies.report(fields))).as(fields).isFalse();
    }
    for (String body : BatchBodies.otherBodies()) {
      assertThat(comparison.assertSameOutcome(body)).as(body).isFalse();
    }
  }
}
