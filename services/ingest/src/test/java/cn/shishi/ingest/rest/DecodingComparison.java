package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.ingest.domain.ReportBatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * A decoder's outcome for a body against its mapper's, reading the body from a stream as Quarkus's
 * own JSON reader did: the same batch, or the same exception class with the same message (location
 * and path included). Its static parts compare any two ways of reading a body.
 */
final class DecodingComparison {
  private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

  private final ReportBatchDecoder decoder;
  private final ObjectReader strict;

  DecodingComparison(ReportBatchDecoder decoder, ObjectMapper json) {
    this.decoder = decoder;
    this.strict = json.readerFor(ReportBatch.class);
  }

  /** Compares the outcomes; answers whether the decoder read the body itself. */
  boolean assertSameOutcome(byte[] body) {
    Object expected = outcome(() -> strict.readValue(new ByteArrayInputStream(body)));
    Object actual = outcome(() -> decoder.decode(body));
    assertSameAnswer(actual, expected, new String(body, StandardCharsets.UTF_8));
    return decoder.plain(body) != null;
  }

  boolean assertSameOutcome(String body) {
    return assertSameOutcome(body.getBytes(StandardCharsets.UTF_8));
  }

  /** What {@code read} returns, or the exception it throws. */
  static Object outcome(Callable<Object> read) {
    try {
      return read.call();
    } catch (Exception e) {
      return e;
    }
  }

  /**
   * The same value, or the same exception: its class and message, and for a 400 its status and its
   * cause's class and message.
   */
  static void assertSameAnswer(Object actual, Object expected, String shown) {
    if (!(expected instanceof Exception refusal)) {
      assertThat(actual).as(shown).isEqualTo(expected);
      return;
    }
    assertThat(actual).as(shown).isInstanceOf(refusal.getClass());
    Exception thrown = (Exception) actual;
    assertThat(thrown.getMessage()).as(shown).isEqualTo(refusal.getMessage());
    if (refusal instanceof WebApplicationException badRequest) {
      assertThat(((WebApplicationException) thrown).getResponse().getStatus())
          .as(shown)
          .isEqualTo(badRequest.getResponse().getStatus());
      assertThat(thrown.getCause()).as(shown).isInstanceOf(refusal.getCause().getClass());
      assertThat(thrown.getCause().getMessage())
          .as(shown)
          .isEqualTo(refusal.getCause().getMessage());
    }
  }

  /** {@code body} read as a batch by {@code reader}, as Quarkus REST calls a JSON reader. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object read(MessageBodyReader reader, byte[] body) throws IOException {
    return reader.readFrom(
        ReportBatch.class,
        ReportBatch.class,
        NO_ANNOTATIONS,
        MediaType.APPLICATION_JSON_TYPE,
        null,
        new ByteArrayInputStream(body));
  }
}
