package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.ingest.domain.ReportBatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A decoder's outcome for a body against its mapper's, reading the body from a stream as Quarkus's
 * own JSON reader did: the same batch, or the same exception class with the same message (location
 * and path included).
 */
final class DecodingComparison {
  private final ReportBatchDecoder decoder;
  private final ObjectReader strict;

  DecodingComparison(ReportBatchDecoder decoder, ObjectMapper json) {
    this.decoder = decoder;
    this.strict = json.readerFor(ReportBatch.class);
  }

  /** Compares the outcomes; answers whether the decoder read the body itself. */
  boolean assertSameOutcome(byte[] body) {
    Object expected;
    try {
      expected = strict.readValue(new ByteArrayInputStream(body));
    } catch (Exception e) {
      expected = e;
    }
    Object outcome;
    try {
      outcome = decoder.decode(body);
    } catch (Exception e) {
      outcome = e;
    }
    String shown = new String(body, StandardCharsets.UTF_8);
    if (expected instanceof Exception refusal) {
      assertThat(outcome).as(shown).isInstanceOf(refusal.getClass());
      assertThat(((Exception) outcome).getMessage()).as(shown).isEqualTo(refusal.getMessage());
    } else {
      assertThat(outcome).as(shown).isEqualTo(expected);
    }
    return decoder.plain(body) != null;
  }

  boolean assertSameOutcome(String body) {
    return assertSameOutcome(body.getBytes(StandardCharsets.UTF_8));
  }
}
