package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder yields what the application's strict mapper yields, for every body: the same batch,
 * or the same exception with the same message (location and path included). Plain bodies must take
 * the token-by-token path, everything else must leave it, or these comparisons would prove nothing.
 * {@code ReportBatchDecoderAppTest} repeats the comparisons against the mapper Quarkus builds.
 */
class ReportBatchDecoderTest {
  private static final ObjectMapper JSON = ApplicationMapper.create();

  private final DecodingComparison comparison =
      new DecodingComparison(new ReportBatchDecoder(JSON), JSON);

  static Stream<String> plain() {
    return BatchBodies.plain().stream();
  }

  static Stream<String> reportDeviations() {
    return BatchBodies.reportDeviations().stream();
  }

  static Stream<String> otherBodies() {
    return BatchBodies.otherBodies().stream();
  }

  @ParameterizedTest
  @MethodSource("plain")
  void readsAPlainBatchItself(String body) {
    assertThat(comparison.assertSameOutcome(body)).as("read by the decoder").isTrue();
  }

  @ParameterizedTest
  @MethodSource("reportDeviations")
  void leavesAnythingElseInAReportToTheMapper(String fields) {
    assertThat(comparison.assertSameOutcome(BatchBodies.report(fields)))
        .as("read by the decoder")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("otherBodies")
  void leavesAnyOtherBodyToTheMapper(String body) {
    assertThat(comparison.assertSameOutcome(body)).as("read by the decoder").isFalse();
  }

  @Test
  void readsRandomPlainBatchesAsTheMapperDoes() {
    Random random = new Random(20261204);
    for (int batch = 0; batch < 200; batch++) {
      byte[] body = BatchBodies.randomBatch(JSON.getFactory(), random, 1 + random.nextInt(20));
      assertThat(comparison.assertSameOutcome(body)).as("read by the decoder").isTrue();
    }
  }

  /** Bytes changed at random: whichever path a mutant takes, its outcome is the mapper's. */
  @Test
  void answersRandomlyMutatedBodiesAsTheMapperDoes() {
    Random random = new Random(20261205);
    int plain = 0;
    int mutants = 5_000;
    for (int i = 0; i < mutants; i++) {
      byte[] body = BatchBodies.randomBatch(JSON.getFactory(), random, 1 + random.nextInt(3));
      if (comparison.assertSameOutcome(BatchBodies.mutated(body, random))) {
        plain++;
      }
    }
    // Some mutants stay plain (a digit for a digit, a character of a note), most do not.
    assertThat(plain).isBetween(mutants / 50, mutants / 2);
  }

  static Stream<Arguments> encodings() {
    String body = BatchBodies.report(BatchBodies.plainReport());
    return Stream.of(
        Arguments.of("UTF-8 with a byte order mark", withBom(body, StandardCharsets.UTF_8)),
        Arguments.of("UTF-16BE", body.getBytes(StandardCharsets.UTF_16BE)),
        Arguments.of("UTF-16LE", body.getBytes(StandardCharsets.UTF_16LE)),
        Arguments.of("UTF-16 with a byte order mark", body.getBytes(StandardCharsets.UTF_16)),
        Arguments.of("UTF-32BE", body.getBytes(Charset.forName("UTF-32BE"))),
        Arguments.of("UTF-32LE", body.getBytes(Charset.forName("UTF-32LE"))),
        Arguments.of("GB18030", body.getBytes(Charset.forName("GB18030"))),
        Arguments.of("a stray continuation byte", withNote("\"a\u0080b\"")),
        Arguments.of("a lead byte without its continuation", withNote("\"a\u00c3(\"")),
        Arguments.of("an overlong slash", withNote("\"\u00c0\u00af\"")),
        Arguments.of("0xFF", withNote("\"\u00ff\"")),
        Arguments.of("a truncated character at the end", withNote("\"\u00e4\u00b8")),
        Arguments.of("an encoded surrogate", withNote("\"\u00ed\u00a0\u0080\"")),
        Arguments.of("a NUL", withNote("\"a\u0000\"")));
  }

  private static byte[] withBom(String body, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    out.writeBytes(body.getBytes(charset));
    return out.toByteArray();
  }

  /**
   * A report whose note is {@code json} with each character written as the one byte it stands for.
   */
  private static byte[] withNote(String json) {
    return BatchBodies.report("\"program\": \"p\", \"note\": " + json)
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void answersEveryEncodingAsTheMapperDoes(String encoding, byte[] body) {
    comparison.assertSameOutcome(body);
  }

  /** The mapper's read limits hold on the decoder's path too: it leaves a body over one to it. */
  @Test
  void keepsTheMappersReadLimits() {
    ObjectMapper limited =
        ApplicationMapper.withLimits(
            StreamReadConstraints.builder()
                .maxStringLength(64)
                .maxNumberLength(4)
                .maxNestingDepth(3)
                .maxDocumentLength(600)
                .build());
    DecodingComparison withLimits =
        new DecodingComparison(new ReportBatchDecoder(limited), limited);
    String small = "\"program\": \"p\", \"quantity\": 12";

    assertThat(withLimits.assertSameOutcome(BatchBodies.report(small))).isTrue();
    assertThat(withLimits.assertSameOutcome(BatchBodies.report(BatchBodies.plainReport())))
        .isTrue();
    assertThat(
            withLimits.assertSameOutcome(
                BatchBodies.report("\"note\": \"" + "字".repeat(65) + "\"")))
        .isFalse();
    assertThat(withLimits.assertSameOutcome(BatchBodies.report("\"quantity\": 123456"))).isFalse();
    assertThat(withLimits.assertSameOutcome(BatchBodies.report("\"note\": [[\"a\"]]"))).isFalse();
    // Longer than a stream's first buffer, after which Jackson counts what it has read.
    String large =
        "{\"reports\": [" + String.join(", ", Collections.nCopies(300, "{" + small + "}")) + "]}";
    assertThat(large.length()).isGreaterThan(8_000);
    assertThat(withLimits.assertSameOutcome(large)).isFalse();
  }

  /**
   * A name the decoder matches by its bytes, and a timestamp it reads in place, pass no length
   * check of the parser's: under limits that small it leaves every body to the mapper.
   */
  @Test
  void leavesEveryBodyToTheMapperUnderLimitsShorterThanItsNamesOrTimestamps() {
    ObjectMapper shortNames =
        ApplicationMapper.withLimits(StreamReadConstraints.builder().maxNameLength(12).build());
    assertThat(
            new DecodingComparison(new ReportBatchDecoder(shortNames), shortNames)
                .assertSameOutcome(BatchBodies.report(BatchBodies.plainReport())))
        .isFalse();
    ObjectMapper shortStrings =
        ApplicationMapper.withLimits(StreamReadConstraints.builder().maxStringLength(30).build());
    assertThat(
            new DecodingComparison(new ReportBatchDecoder(shortStrings), shortStrings)
                .assertSameOutcome(
                    BatchBodies.report("\"completedAt\": \"2021-05-14T10:30:00.123456789Z\"")))
        .isFalse();
  }
}
