package cn.shishi.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The contract's values have JSON's own types, which both sides read exactly: Jackson would read
 * {@code 5.7} as 5, {@code "5"} as 5 and {@code 330402} as {@code "330402"}, a report counted as
 * what it does not say. The ingest refuses such a request; the aggregator sets such a record aside.
 */
public final class JsonTypes {
  private JsonTypes() {}

  /** Makes {@code mapper} refuse to turn one JSON type into another for integers and texts. */
  public static ObjectMapper exact(ObjectMapper mapper) {
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
