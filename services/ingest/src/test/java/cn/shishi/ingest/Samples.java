package cn.shishi.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The contract's samples in docs/, which the aggregator's tests read too. */
public final class Samples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Samples() {}

  public static ObjectNode read(String name) {
    Path root = Path.of(System.getProperty("shishi.root", "../.."));
    try {
      return (ObjectNode) JSON.readTree(Files.readString(root.resolve("docs").resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report-filed sample as the body an office posts: without the server-owned fields. */
  public static ObjectNode reportRequest() {
    ObjectNode body = read("events/report-filed.v1.json");
    body.remove("schemaVersion");
    body.remove("officeId");
    body.remove("receivedAt");
    body.put("reportId", UUID.randomUUID().toString());
    body.put("completedAt", "2021-05-14T10:30:00+08:00");
    return body;
  }
}
