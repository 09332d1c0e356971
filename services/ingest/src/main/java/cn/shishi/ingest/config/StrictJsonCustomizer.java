package cn.shishi.ingest.config;

import cn.shishi.contract.JsonTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;

/**
 * Reports are evidence: a value that is not exactly what the contract says is rejected, never
 * coerced. No unknown fields, no duplicate keys, no floats, strings or nulls where an integer
 * belongs, no numbers where a string belongs.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

  /** Last, so that nothing Quarkus registers overrides these rules. */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    // Keep the office's own offset: the day a task counts in is read from it.
    mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.registerModule(
        new SimpleModule("rfc3339")
            .addDeserializer(OffsetDateTime.class, new Rfc3339Deserializer()));
    JsonTypes.exact(mapper);
  }
}
