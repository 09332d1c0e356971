package cn.shishi.ingest.rest;

import cn.shishi.contract.Rfc3339FastParser;
import cn.shishi.contract.report.ReportSubmission;
import cn.shishi.ingest.domain.ReportBatch;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Decodes the body of {@code POST /api/v1/reports/batch}. Nearly every body is plain: one field
 * {@code reports}, an array of objects holding only a report's own fields, each once, as strings
 * and in-range integers. Those are read here token by token, by a parser that leaves repeated names
 * to this class, instead of by Jackson's record deserializer and its duplicate detection (a
 * measured hot path: B1 in docs/benchmarks.md). Anything else (an unknown or repeated field, a null
 * where a number goes, a nested value, a timestamp of an unusual shape, malformed JSON) is read
 * again by the application's strict mapper, so that what it yields or refuses, and the problem an
 * office gets, stay exactly what they were. A refused body is thus parsed twice, within the body's
 * size limit.
 */
@ApplicationScoped
public class ReportBatchDecoder {
  private static final SerializableString REPORTS = new SerializedString("reports");

  /** A report's fields in the order the contract lists them, which clients mostly keep. */
  private static final SerializableString[] FIELDS = {
    new SerializedString("reportId"),
    new SerializedString("regionCode"),
    new SerializedString("program"),
    new SerializedString("taskType"),
    new SerializedString("quantity"),
    new SerializedString("beneficiaries"),
    new SerializedString("completedAt"),
    new SerializedString("note")
  };

  /**
   * Longer than any field name matched here by its bytes and any timestamp read here in place,
   * neither of which passes the parser's length checks: under smaller limits every body goes to the
   * mapper.
   */
  private static final int SHORTEST_LIMIT_READ_HERE = 64;

  /** Each ASCII character's value as a hexadecimal digit, or -1. */
  private static final byte[] NIBBLES = nibbles();

  private static byte[] nibbles() {
    byte[] nibbles = new byte[128];
    Arrays.fill(nibbles, (byte) -1);
    for (char c = '0'; c <= '9'; c++) {
      nibbles[c] = (byte) (c - '0');
    }
    for (char c = 'a'; c <= 'f'; c++) {
      nibbles[c] = (byte) (c - 'a' + 10);
      nibbles[Character.toUpperCase(c)] = (byte) (c - 'a' + 10);
    }
    return nibbles;
  }

  private final JsonFactory plainJson;
  private final boolean limitsAllowPlain;
  private final ObjectReader strict;

  public ReportBatchDecoder(ObjectMapper json) {
    this.strict = json.readerFor(ReportBatch.class);
    // The mapper's parser settings (limits, strictness), less the duplicate detection that a plain
    // body does here with a bit per field. A copy taken once is enough: Quarkus has applied every
    // customizer before any bean is given the mapper, and nothing changes it afterwards.
    this.plainJson =
        json.getFactory().copy().disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    StreamReadConstraints limits = plainJson.streamReadConstraints();
    this.limitsAllowPlain =
        limits.getMaxNameLength() >= SHORTEST_LIMIT_READ_HERE
            && limits.getMaxStringLength() >= SHORTEST_LIMIT_READ_HERE;
  }

  /** The batch, as the application's mapper reads it; its exceptions are the mapper's. */
  public ReportBatch decode(byte[] body) throws IOException {
    ReportBatch plain = plain(body);
    // From a stream, as Quarkus's own reader gives the mapper a body, so that a refusal reads as it
    // did: a document's length, for one, is checked buffer by buffer in a stream, but up front in
    // an array.
    return plain != null ? plain : strict.readValue(new ByteArrayInputStream(body));
  }

  /** The batch if the body is plain, or null to leave it to the strict mapper. */
  ReportBatch plain(byte[] body) {
    if (!limitsAllowPlain) {
      return null;
    }
    try (JsonParser parser = plainJson.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT
          || !parser.nextFieldName(REPORTS)
          || parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<ReportSubmission> reports = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
        ReportSubmission report = new ReportFields().read(parser);
        if (report == null) {
          return null;
        }
        reports.add(report);
      }
      boolean whole =
          token == JsonToken.END_ARRAY
              && parser.nextToken() == JsonToken.END_OBJECT
              && parser.nextToken() == null;
      return whole ? new ReportBatch(reports) : null;
    } catch (IOException e) {
      // Malformed or over a limit: the strict mapper says so, with its location.
      return null;
    }
  }

  /** The field of a report named {@code name}, or -1. */
  private static int field(String name) {
    for (int i = 0; i < FIELDS.length; i++) {
      if (FIELDS[i].getValue().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** One report's fields as they are read; {@link #read} answers null at anything not plain. */
  private static final class ReportFields {
    private UUID reportId;
    private String regionCode;
    private String program;
    private String taskType;
    private Integer quantity;
    private Integer beneficiaries;
    private OffsetDateTime completedAt;
    private String note;

    /** Reads from the report's first field to its end. */
    ReportSubmission read(JsonParser parser) throws IOException {
      int seen = 0;
      int expected = 0;
      while (true) {
        int field = nextField(parser, expected);
        if (field == FIELDS.length) {
          return new ReportSubmission(
              reportId, regionCode, program, taskType, quantity, beneficiaries, completedAt, note);
        }
        if (field < 0 || (seen & (1 << field)) != 0 || !value(field, parser)) {
          return null;
        }
        seen |= 1 << field;
        expected = field + 1;
      }
    }

    /**
     * The next field's number, trying the expected one first by its bytes; {@code FIELDS.length} at
     * the report's end; -1 for an unknown name.
     */
    private static int nextField(JsonParser parser, int expected) throws IOException {
      if (expected < FIELDS.length && parser.nextFieldName(FIELDS[expected])) {
        return expected;
      }
      JsonToken token = expected < FIELDS.length ? parser.currentToken() : parser.nextToken();
      if (token == JsonToken.END_OBJECT) {
        return FIELDS.length;
      }
      return field(parser.currentName());
    }

    /** Reads the value of {@code field}; false if it is not what a plain report holds. */
    private boolean value(int field, JsonParser parser) throws IOException {
      JsonToken token = parser.nextToken();
      switch (field) {
        case 0 -> reportId = token == JsonToken.VALUE_STRING ? uuid(parser.getText()) : null;
        case 1 -> regionCode = text(token, parser);
        case 2 -> program = text(token, parser);
        case 3 -> taskType = text(token, parser);
        case 4 -> quantity = integer(token, parser);
        case 5 -> beneficiaries = integer(token, parser);
        case 6 -> completedAt = token == JsonToken.VALUE_STRING ? time(parser) : null;
        default -> note = text(token, parser);
      }
      return switch (field) {
        case 0 -> reportId != null;
        case 4 -> quantity != null;
        case 5 -> beneficiaries != null;
        case 6 -> completedAt != null;
        default -> token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL;
      };
    }

    private static String text(JsonToken token, JsonParser parser) throws IOException {
      return token == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    /** An integer in range; null for anything else, which the strict mapper refuses. */
    private static Integer integer(JsonToken token, JsonParser parser) throws IOException {
      return token == JsonToken.VALUE_NUMBER_INT
              && parser.getNumberType() == JsonParser.NumberType.INT
          ? parser.getIntValue()
          : null;
    }

    private static OffsetDateTime time(JsonParser parser) throws IOException {
      return Rfc3339FastParser.parse(
          parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
  }

  /**
   * A UUID in its canonical 36 characters, hexadecimal digits of either case; null for any other
   * text, which the strict mapper reads (base64, surrounding spaces) or refuses.
   */
  static UUID uuid(String text) {
    if (text.length() != 36
        || text.charAt(8) != '-'
        || text.charAt(13) != '-'
        || text.charAt(18) != '-'
        || text.charAt(23) != '-') {
      return null;
    }
    long high = 0;
    long low = 0;
    int invalid = 0;
    for (int i = 0; i < 36; i++) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        continue;
      }
      char c = text.charAt(i);
      int nibble = c < NIBBLES.length ? NIBBLES[c] : -1;
      invalid |= nibble;
      if (i < 19) {
        high = high << 4 | (nibble & 0xf);
      } else {
        low = low << 4 | (nibble & 0xf);
      }
    }
    return invalid < 0 ? null : new UUID(high, low);
  }
}
