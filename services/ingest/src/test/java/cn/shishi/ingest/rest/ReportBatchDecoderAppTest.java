package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.resteasy.reactive.jackson.runtime.serialisers.ServerJacksonMessageBodyReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder the application uses, against the mapper Quarkus built (every module and customizer
 * it found), rather than {@code ReportBatchDecoderTest}'s imitation of it; and the batch's reader
 * against Quarkus REST's own JSON reader, which read batches before it.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ReportBatchDecoderAppTest {
  @Inject ObjectMapper json;
  @Inject Instance<ObjectMapper> mappers;
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

  /** Every body: the same batch, or the same exception (its status and cause if a 400). */
  @Test
  void answersEveryBodyAsQuarkussOwnReaderDoes() {
    ReportBatchReader ours = new ReportBatchReader(decoder);
    ServerJacksonMessageBodyReader quarkus = new ServerJacksonMessageBodyReader(mappers);
    for (byte[] body : everyKindOfBody()) {
      DecodingComparison.assertSameAnswer(
          DecodingComparison.outcome(() -> DecodingComparison.read(ours, body)),
          DecodingComparison.outcome(() -> DecodingComparison.read(quarkus, body)),
          new String(body, StandardCharsets.UTF_8));
    }
  }

  private List<byte[]> everyKindOfBody() {
    List<byte[]> bodies = new ArrayList<>();
    BatchBodies.plain().forEach(body -> bodies.add(body.getBytes(StandardCharsets.UTF_8)));
    BatchBodies.reportDeviations()
        .forEach(fields -> bodies.add(BatchBodies.report(fields).getBytes(StandardCharsets.UTF_8)));
    BatchBodies.otherBodies().forEach(body -> bodies.add(body.getBytes(StandardCharsets.UTF_8)));
    Random random = new Random(20261207);
    for (int i = 0; i < 1_000; i++) {
      byte[] body = BatchBodies.randomBatch(json.getFactory(), random, 1 + random.nextInt(3));
      bodies.add(BatchBodies.mutated(body, random));
    }
    return bodies;
  }
}
