package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.shishi.ingest.config.StrictJsonCustomizer;
import cn.shishi.ingest.domain.ReportBatch;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder yields what the application's strict mapper yields, for every body: the same batch,
 * or the same exception with the same message (location and path included). Plain bodies must take
 * the token-by-token path, everything else must leave it, or these comparisons would prove nothing.
 */
class ReportBatchDecoderTest {
  private static final ObjectMapper JSON = appMapper();
  private static final ObjectReader STRICT = JSON.readerFor(ReportBatch.class);
  private static final String UUID_TEXT = "0f8fad5b-d9cb-469f-a165-70867728950e";

  private final ReportBatchDecoder decoder = new ReportBatchDecoder(JSON);

  /** As Quarkus builds it: modules found on the class path, unknown fields allowed; then ours. */
  private static ObjectMapper appMapper() {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    new StrictJsonCustomizer().customize(mapper);
    return mapper;
  }

  private static String report(String fields) {
    return "{\"reports\": [{" + fields + "}]}";
  }

  private static String plainReport() {
    return "\"reportId\": \""
        + UUID_TEXT
        + "\", \"regionCode\": \"330402\", \"program\": \"warm-nest\", \"taskType\":"
        + " \"household-helped\", \"quantity\": 2, \"beneficiaries\": 5, \"completedAt\":"
        + " \"2021-05-14T10:30:00+08:00\", \"note\": \"为南湖区两户老人完成适老化改造\"";
  }

  /** Decodes as the service does and as the strict mapper does, and compares the outcomes. */
  private void assertSameOutcome(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Throwable expectedFailure = catchThrowable(() -> STRICT.readValue(bytes));
    if (expectedFailure == null) {
      assertThat(decoder.decode(bytes)).isEqualTo(STRICT.readValue(bytes));
      return;
    }
    Throwable failure = catchThrowable(() -> decoder.decode(bytes));
    assertThat(failure).isInstanceOf(expectedFailure.getClass());
    assertThat(failure.getMessage()).isEqualTo(expectedFailure.getMessage());
  }

  private void assertPlain(String body) throws IOException {
    assertThat(decoder.plain(body.getBytes(StandardCharsets.UTF_8))).as(body).isNotNull();
    assertSameOutcome(body);
  }

  private void assertLeftToTheMapper(String body) throws IOException {
    assertThat(decoder.plain(body.getBytes(StandardCharsets.UTF_8))).as(body).isNull();
    assertSameOutcome(body);
  }

  @Test
  void readsAPlainReportInAnyOrderWithAnyFieldLeftOutOrTextNull() throws IOException {
    assertPlain(report(plainReport()));
    assertPlain(report(""));
    assertPlain("{\"reports\": []}");
    assertPlain(" \n{\"reports\":[{\"note\":\"x\",\"reportId\":\"" + UUID_TEXT + "\"}]}\n ");
    assertPlain(
        report("\"note\": null, \"regionCode\": null, \"program\": null, \"taskType\": null"));
    assertPlain(report("\"report\\u0049d\": \"" + UUID_TEXT.toUpperCase() + "\""));
    assertPlain(report("\"quantity\": -2147483648, \"beneficiaries\": 2147483647"));
    assertPlain(report("\"completedAt\": \"2021-05-14T10:30:00.123456789Z\""));
    assertPlain("{\"repor\\u0074s\": []}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"quantity\": 1, \"quantity\": 2",
        "\"note\": \"a\", \"program\": \"b\", \"note\": \"c\"",
        "\"officeId\": \"x\"",
        "\"note\": {\"a\": 1}",
        "\"note\": [\"a\"]",
        "\"note\": 7",
        "\"program\": true",
        "\"quantity\": null",
        "\"quantity\": \"2\"",
        "\"quantity\": 2.0",
        "\"quantity\": 1e2",
        "\"beneficiaries\": 2147483648",
        "\"beneficiaries\": 99999999999999999999",
        "\"reportId\": null",
        "\"reportId\": 7",
        "\"reportId\": \" 0f8fad5b-d9cb-469f-a165-70867728950e\"",
        "\"reportId\": \"0f8fad5b-d9cb-469f-a165-70867728950g\"",
        "\"reportId\": \"0f8fad5b+d9cb-469f-a165-70867728950e\"",
        "\"reportId\": \"０f8fad5b-d9cb-469f-a165-70867728950e\"",
        "\"reportId\": \"D4+trdm2R5+hZXCGdyiVDg==\"",
        "\"completedAt\": null",
        "\"completedAt\": \"2021-05-14T10:30+08:00\"",
        "\"completedAt\": \"2021-05-14t10:30:00.123456789z\"",
        "\"completedAt\": \"2021-05-14T10:30:00\"",
        "\"completedAt\": 1620959400",
        "\"note\": \"unterminated",
        "\"note\": \"bad escape \\q\"",
        "\"quantity\": 01"
      })
  void leavesAnythingElseInAReportToTheMapper(String fields) throws IOException {
    assertLeftToTheMapper(report(fields));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "null",
        "[]",
        "{}",
        "{\"reports\": null}",
        "{\"reports\": [null]}",
        "{\"reports\": [1]}",
        "{\"reports\": [[]]}",
        "{\"reports\": {}}",
        "{\"reports\": [], \"reports\": []}",
        "{\"reports\": [], \"extra\": 1}",
        "{\"reports\": []} trailing",
        "{\"reports\": []} {}",
        "{\"reports\": [{}]",
        "{\"reports\": [{},]}"
      })
  void leavesAnyOtherBodyToTheMapper(String body) throws IOException {
    assertLeftToTheMapper(body);
  }

  @Test
  void readsRandomPlainBatchesAsTheMapperDoes() throws IOException {
    Random random = new Random(20261204);
    for (int batch = 0; batch < 200; batch++) {
      String body = randomBatch(random, 1 + random.nextInt(20));
      assertPlain(body);
    }
  }

  /** Reports with fields in a random order, some left out, text drawn from hostile characters. */
  private static String randomBatch(Random random, int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("reports");
      for (int i = 0; i < size; i++) {
        json.writeStartObject();
        List<Integer> fields = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
        if (random.nextBoolean()) {
          Collections.shuffle(fields, random);
        }
        for (int field : fields) {
          if (random.nextInt(8) > 0) {
            writeField(json, field, random);
          }
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void writeField(JsonGenerator json, int field, Random random) throws IOException {
    switch (field) {
      case 0 ->
          json.writeStringField(
              "reportId", new UUID(random.nextLong(), random.nextLong()).toString());
      case 1 -> json.writeStringField("regionCode", text(random));
      case 2 -> json.writeStringField("program", text(random));
      case 3 -> json.writeStringField("taskType", text(random));
      case 4 -> json.writeNumberField("quantity", random.nextInt());
      case 5 -> json.writeNumberField("beneficiaries", random.nextInt(1000));
      case 6 ->
          json.writeStringField(
              "completedAt",
              "2021-0"
                  + (1 + random.nextInt(9))
                  + "-1"
                  + random.nextInt(10)
                  + "T0"
                  + random.nextInt(10)
                  + ":30:00."
                  + random.nextInt(1000)
                  + (random.nextBoolean() ? "Z" : "+08:00"));
      default -> json.writeStringField("note", random.nextInt(5) == 0 ? null : text(random));
    }
  }

  private static final String HOSTILE = "a\"\\/\n\t\u0000\u001f\u2028\u2029é中文😀";

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          HOSTILE.codePointAt(
              HOSTILE.offsetByCodePoints(
                  0, random.nextInt(HOSTILE.codePointCount(0, HOSTILE.length())))));
    }
    return text.toString();
  }
}
