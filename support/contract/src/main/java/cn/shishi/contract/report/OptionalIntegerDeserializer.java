package cn.shishi.contract.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * An optional integer: it may be left out (then the contract's default applies), but when present
 * it is a JSON integer in range, never {@code null}, a string, a float or a boolean.
 */
public class OptionalIntegerDeserializer extends StdScalarDeserializer<Integer> {
  public OptionalIntegerDeserializer() {
    super(Integer.class);
  }

  @Override
  public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
      return (Integer)
          context.handleUnexpectedToken(
              Integer.class, parser.currentToken(), parser, "must be an integer");
    }
    return parser.getIntValue();
  }

  /** An explicit {@code null}. */
  @Override
  public Integer getNullValue(DeserializationContext context) {
    throw new IllegalArgumentException("must be an integer, not null");
  }

  /** The field left out. */
  @Override
  public Object getAbsentValue(DeserializationContext context) {
    return null;
  }
}
