package cn.shishi.ingest.config;

import cn.shishi.contract.Rfc3339FastParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An RFC 3339 timestamp with its offset, and nothing else: no epoch numbers, no local times. The
 * offset is kept, because the day a task counts in is read from it.
 */
public class Rfc3339Deserializer extends StdScalarDeserializer<OffsetDateTime> {
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
      return OffsetDateTime.parse(parser.getText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return (OffsetDateTime)
          context.handleWeirdStringValue(
              OffsetDateTime.class,
              parser.getText(),
              "must be an RFC 3339 timestamp with an offset, e.g. 2021-05-14T10:30:00+08:00");
    }
  }
}
