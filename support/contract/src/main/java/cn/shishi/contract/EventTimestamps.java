package cn.shishi.contract;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The events' timestamp codec, for whoever writes or reads {@code task-reports}. Both directions
 * are measured hot paths (docs/benchmarks.md, B1 and B2):
 *
 * <ul>
 *   <li>Writing: {@link IsoTimestamps} gives the same text as jackson-datatype-jsr310, which
 *       formats every value with the general formatter (a third of serialising an event). Any other
 *       rendering (numbers, a context time zone, a {@code @JsonFormat}) is left to jsr310.
 *   <li>Reading: events carry one shape, {@code 2021-05-14T10:30:00[.fraction](Z|+08:00)}; {@link
 *       Rfc3339FastParser} reads it for a fraction of what {@link
 *       java.time.format.DateTimeFormatter} costs. Anything else goes to the JDK's parser, which
 *       decides.
 * </ul>
 */
public final class EventTimestamps {
  private EventTimestamps() {}

  /** Reads and writes {@link Instant} and {@link OffsetDateTime} as the events carry them. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("event-timestamps");
    module.addSerializer(
        Instant.class,
        new IsoTextSerializer<>(Instant.class, InstantSerializer.INSTANCE, IsoTimestamps::of));
    module.addSerializer(
        OffsetDateTime.class,
        new IsoTextSerializer<>(
            OffsetDateTime.class, OffsetDateTimeSerializer.INSTANCE, IsoTimestamps::of));
    module.addDeserializer(
        OffsetDateTime.class,
        new Reader<>(OffsetDateTime.class, Function.identity(), OffsetDateTime::parse));
    module.addDeserializer(
        Instant.class, new Reader<>(Instant.class, OffsetDateTime::toInstant, Instant::parse));
    return module;
  }

  /**
   * A writer of events with {@code mapper}'s settings and the events' timestamps as RFC 3339 text
   * (docs/events.md), whatever {@code mapper} does with dates elsewhere.
   */
  public static ObjectWriter writer(ObjectMapper mapper) {
    return mapper
        .copy()
        .registerModule(module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .writer();
  }

  public static OffsetDateTime offsetDateTime(String text) {
    OffsetDateTime fast = fast(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  public static Instant instant(String text) {
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

  private static final class IsoTextSerializer<T> extends StdSerializer<T>
      implements ContextualSerializer {
    private final JsonSerializer<T> general;
    private final Function<T, String> isoText;

    IsoTextSerializer(Class<T> type, JsonSerializer<T> general, Function<T, String> isoText) {
      super(type);
      this.general = general;
      this.isoText = isoText;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      JsonFormat.Value format = findFormatOverrides(provider, property, handledType());
      if (format != null && !format.equals(JsonFormat.Value.empty())) {
        return ((ContextualSerializer) general).createContextual(provider, property);
      }
      return this;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      if (writesIsoText(provider)) {
        generator.writeString(isoText.apply(value));
      } else {
        general.serialize(value, generator, provider);
      }
    }

    /** When jsr310 writes ISO text in the value's own offset, as with Quarkus' defaults. */
    private static boolean writesIsoText(SerializerProvider provider) {
      return !provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          && !(provider.getConfig().hasExplicitTimeZone()
              && provider.isEnabled(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE));
    }
  }
}
