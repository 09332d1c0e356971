package cn.shishi.ingest.messaging;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
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
import java.util.function.Function;

/**
 * Writes the events' {@code Instant} and {@code OffsetDateTime} with {@link IsoTimestamps}: the
 * same text as jackson-datatype-jsr310, which formats every one with the general formatter. Any
 * other rendering (timestamps as numbers, a context time zone, a {@code @JsonFormat}) is left to
 * jsr310's own serialisers.
 */
final class EventTimestampsModule extends SimpleModule {

  EventTimestampsModule() {
    super("event-timestamps");
    addSerializer(
        Instant.class,
        new IsoTextSerializer<>(Instant.class, InstantSerializer.INSTANCE, IsoTimestamps::of));
    addSerializer(
        OffsetDateTime.class,
        new IsoTextSerializer<>(
            OffsetDateTime.class, OffsetDateTimeSerializer.INSTANCE, IsoTimestamps::of));
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
