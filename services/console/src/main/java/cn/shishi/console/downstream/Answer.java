package cn.shishi.console.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service answered: its status and its JSON body (a problem detail when it refused). The
 * problem's texts are already in the person's language: the console asks for it.
 */
public record Answer(int status, JsonNode body, String retryAfter) {

  static Answer of(Response response, ObjectMapper json) {
    try (response) {
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      JsonNode body;
      try {
        body = text.isBlank() ? MissingNode.getInstance() : json.readTree(text);
      } catch (IOException e) {
        body = MissingNode.getInstance();
      }
      return new Answer(response.getStatus(), body, response.getHeaderString("Retry-After"));
    }
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The problem's explanation for people: its detail, or its title. */
  public String problem() {
    String detail = body.path("detail").asText("");
    return detail.isEmpty() ? body.path("title").asText("HTTP " + status) : detail;
  }

  /** The problem's field errors, by JSON pointer (several for one field are joined). */
  public Map<String, String> fieldErrors() {
    Map<String, String> errors = new LinkedHashMap<>();
    for (JsonNode error : body.path("errors")) {
      errors.merge(
          error.path("pointer").asText(), error.path("detail").asText(), (a, b) -> a + "；" + b);
    }
    return errors;
  }
}
