package cn.shishi.ingest.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Batch bodies for comparing {@link ReportBatchDecoder} with the strict mapper: plain ones, which
 * it must read itself, and every kind it must leave to the mapper.
 */
final class BatchBodies {
  static final String UUID_TEXT = "0f8fad5b-d9cb-469f-a165-70867728950e";

  private BatchBodies() {}

  static String report(String fields) {
    return "{\"reports\": [{" + fields + "}]}";
  }

  static String plainReport() {
    return "\"reportId\": \""
        + UUID_TEXT
        + "\", \"regionCode\": \"330402\", \"program\": \"warm-nest\", \"taskType\":"
        + " \"household-helped\", \"quantity\": 2, \"beneficiaries\": 5, \"completedAt\":"
        + " \"2021-05-14T10:30:00+08:00\", \"note\": \"为南湖区两户老人完成适老化改造\"";
  }

  /** In any order, any field left out or its text null, names escaped, values at their limits. */
  static List<String> plain() {
    return List.of(
        report(plainReport()),
        report(""),
        "{\"reports\": []}",
        " \n{\"reports\":[{\"note\":\"x\",\"reportId\":\"" + UUID_TEXT + "\"}]}\n ",
        report("\"note\": null, \"regionCode\": null, \"program\": null, \"taskType\": null"),
        report("\"report\\u0049d\": \"" + UUID_TEXT.toUpperCase() + "\""),
        report("\"quantity\": -2147483648, \"beneficiaries\": 2147483647"),
        report("\"quantity\": -0, \"beneficiaries\": 0"),
        report("\"completedAt\": \"2021-05-14T10:30:00.123456789Z\""),
        // A lone surrogate is JSON; validation refuses it afterwards, whoever decoded it.
        report("\"note\": \"\\ud800\""),
        report("\"note\": \"\\ud83d\\ude00 \\u4e2d \\\"\\\\\\/\\b\\f\\n\\r\\t\""),
        "{\"repor\\u0074s\": []}");
  }

  /** A report's fields that are not plain: repeated, unknown, of another type or shape. */
  static List<String> reportDeviations() {
    return List.of(
        "\"quantity\": 1, \"quantity\": 2",
        "\"quantity\": 1, \"quan\\u0074ity\": 2",
        "\"note\": \"a\", \"program\": \"b\", \"note\": \"c\"",
        "\"officeId\": \"x\"",
        "\"Quantity\": 1",
        "\"note\": {\"a\": 1}",
        "\"note\": [\"a\"]",
        "\"note\": 7",
        "\"program\": true",
        "\"quantity\": null",
        "\"quantity\": \"2\"",
        "\"quantity\": 2.0",
        "\"quantity\": 1e2",
        "\"quantity\": +1",
        "\"quantity\": 01",
        "\"quantity\": NaN",
        "\"beneficiaries\": 2147483648",
        "\"beneficiaries\": -2147483649",
        "\"beneficiaries\": 99999999999999999999",
        "\"reportId\": null",
        "\"reportId\": 7",
        "\"reportId\": \"\"",
        "\"reportId\": \" 0f8fad5b-d9cb-469f-a165-70867728950e\"",
        "\"reportId\": \"0f8fad5b-d9cb-469f-a165-70867728950g\"",
        "\"reportId\": \"0f8fad5b+d9cb-469f-a165-70867728950e\"",
        "\"reportId\": \"0f8fad5bd9cb469fa16570867728950e\"",
        "\"reportId\": \"０f8fad5b-d9cb-469f-a165-70867728950e\"",
        "\"reportId\": \"D4+trdm2R5+hZXCGdyiVDg==\"",
        "\"reportId\": \"D4+trdm2R5+hZXCGdyiVDg\"",
        "\"completedAt\": null",
        "\"completedAt\": \"\"",
        "\"completedAt\": \"2021-05-14T10:30+08:00\"",
        "\"completedAt\": \"2021-05-14t10:30:00.123456789z\"",
        "\"completedAt\": \"2021-05-14T10:30:00\"",
        "\"completedAt\": \"2021-02-30T10:30:00Z\"",
        "\"completedAt\": 1620959400",
        "\"note\": \"unterminated",
        "\"note\": \"bad escape \\q\"",
        "\"note\": \"raw\ttab\"");
  }

  /** Bodies whose shape around the reports is not a plain batch. */
  static List<String> otherBodies() {
    return List.of(
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
        "{\"reports\": [{},]}",
        "{\"reports\": [{}] // comment\n}",
        "{'reports': []}",
        "\ufeff",
        "\ufeff ",
        "\ufeff{\"reports\": []} \ufeff");
  }

  /** Reports with fields in a random order, some left out, text drawn from hostile characters. */
  static byte[] randomBatch(JsonFactory json, Random random, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = json.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeArrayFieldStart("reports");
      for (int i = 0; i < size; i++) {
        generator.writeStartObject();
        List<Integer> fields = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
        if (random.nextBoolean()) {
          Collections.shuffle(fields, random);
        }
        for (int field : fields) {
          if (random.nextInt(8) > 0) {
            writeField(generator, field, random);
          }
        }
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
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

  /** The bytes JSON may hold or a mutation may break, for random changes to plain bodies. */
  private static final byte[] MUTANTS =
      "{}[]\":,\\ 0123456789-+.eEtrufalsnZT".getBytes(StandardCharsets.US_ASCII);

  /**
   * {@code body} with one to three bytes replaced, dropped or inserted: JSON's own characters, a
   * NUL, bytes that are not UTF-8 on their own.
   */
  static byte[] mutated(byte[] body, Random random) {
    byte[] mutant = body;
    for (int change = 1 + random.nextInt(3); change > 0; change--) {
      int at = random.nextInt(mutant.length);
      byte value = mutantByte(random);
      mutant =
          switch (random.nextInt(3)) {
            case 0 -> replaced(mutant, at, value);
            case 1 -> dropped(mutant, at);
            default -> inserted(mutant, at, value);
          };
    }
    return mutant;
  }

  private static byte mutantByte(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> 0;
      case 1 -> (byte) (0x80 + random.nextInt(0x80));
      default -> MUTANTS[random.nextInt(MUTANTS.length)];
    };
  }

  private static byte[] replaced(byte[] body, int at, byte value) {
    byte[] mutant = body.clone();
    mutant[at] = value;
    return mutant;
  }

  private static byte[] dropped(byte[] body, int at) {
    byte[] mutant = new byte[body.length - 1];
    System.arraycopy(body, 0, mutant, 0, at);
    System.arraycopy(body, at + 1, mutant, at, body.length - at - 1);
    return mutant;
  }

  private static byte[] inserted(byte[] body, int at, byte value) {
    byte[] mutant = new byte[body.length + 1];
    System.arraycopy(body, 0, mutant, 0, at);
    mutant[at] = value;
    System.arraycopy(body, at, mutant, at + 1, body.length - at);
    return mutant;
  }
}
