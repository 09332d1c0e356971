package cn.shishi.ingest.config;

import cn.shishi.contract.Rfc3339FastParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * An RFC 3339 timestamp with its offset, and nothing else: no epoch numbers, no local times. The
 * offset is kept, because the day a task counts in is read from it.
 */
public class Rfc3339Deserializer extends StdScalarDeserializer<OffsetDateTime> {
  /**
   * RFC 3339's date-time, for what the fast path leaves: seconds required, a fraction of up to nine
   * digits, and Z or ±HH:MM. ISO_OFFSET_DATE_TIME also reads times without seconds and offsets such
   * as +08 or +08:00:30, which RFC 3339 does not allow. RFC 3339 allows a lower-case t and z.
   */
  private static final DateTimeFormatter RFC_3339 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .appendOffset("+HH:MM", "Z")
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  public Rfc3339Deserializer() {
    super(OffsetDateTime.class);
  }

  @Override
  public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (OffsetDateTime)
          context.handleUnexpectedToken(
              OffsetDateTime.class,
              parser.currentToken(),
              parser,
              "must be an RFC 3339 string with an offset, e.g. 2021-05-14T10:30:00+08:00");
    }
    OffsetDateTime common =
        Rfc3339FastParser.parse(
            parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    if (common != null) {
      return common;
    }
    try {
      return OffsetDateTime.parse(parser.getText(), RFC_3339);
    } catch (DateTimeParseException e) {
      return (OffsetDateTime)
          context.handleWeirdStringValue(
              OffsetDateTime.class,
              parser.getText(),
              "must be an RFC 3339 timestamp with an offset, e.g. 2021-05-14T10:30:00+08:00");
    }
  }
}
