package cn.shishi.aggregator.messaging;

import cn.shishi.web.Rfc3339FastParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads the events' timestamps. The ingest writes them in one shape, {@code
 * 2021-05-14T10:30:00[.fraction](Z|+08:00)}; {@link Rfc3339FastParser} reads that shape for a
 * fraction of what {@link java.time.format.DateTimeFormatter} costs (it builds a new formatter for
 * every {@link Instant} it parses). Anything else goes to the JDK's parser, which decides.
 */
final class EventTimestamps {
  private EventTimestamps() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("event-timestamps");
    module.addDeserializer(
        OffsetDateTime.class,
        new Reader<>(OffsetDateTime.class, Function.identity(), OffsetDateTime::parse));
    module.addDeserializer(
        Instant.class, new Reader<>(Instant.class, OffsetDateTime::toInstant, Instant::parse));
    return module;
  }

  static OffsetDateTime offsetDateTime(String text) {
    OffsetDateTime fast = fast(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  static Instant instant(String text) {
    OffsetDateTime fast = fast(text);
    return fast != null ? fast.toInstant() : Instant.parse(text);
  }

  private static OffsetDateTime fast(String text) {
    return Rfc3339FastParser.parse(text.toCharArray(), 0, text.length());
  }

  private static final class Reader<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Function<OffsetDateTime, T> fromFast;
    private final Function<String, T> jdk;

    Reader(Class<T> type, Function<OffsetDateTime, T> fromFast, Function<String, T> jdk) {
      this.type = type;
      this.fromFast = fromFast;
      this.jdk = jdk;
    }

    @Override
    public Class<T> handledType() {
      return type;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(context.handleUnexpectedToken(type, parser));
      }
      OffsetDateTime fast =
          Rfc3339FastParser.parse(
              parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      if (fast != null) {
        return fromFast.apply(fast);
      }
      String text = parser.getText();
      try {
        return jdk.apply(text);
      } catch (DateTimeParseException e) {
        return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
      }
    }
  }
}
