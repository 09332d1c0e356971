package cn.shishi.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads the RSA moduli of a JSON Web Key Set (RFC 7517), to compare keys by their material. */
final class Jwks {
  private Jwks() {}

  static List<BigInteger> moduli(String json) {
    try {
      List<BigInteger> moduli = new ArrayList<>();
      for (JsonNode key : new ObjectMapper().readTree(json).path("keys")) {
        if (key.path("n").isTextual()) {
          moduli.add(new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())));
        }
      }
      return moduli;
    } catch (IOException e) {
      throw new UncheckedIOException("not a JWKS document", e);
    }
  }
}
