package cn.shishi.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The event contract's samples in docs/events/, read by both services' tests: the ingest proves it
 * writes them, the aggregator proves it reads them.
 */
public final class ContractSamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractSamples() {}

  /** A fresh, mutable copy of {@code docs/<name>}. */
  public static ObjectNode read(String name) {
    String root = InfraSettings.lookup("SHISHI_ROOT");
    Path docs = Path.of(root == null ? "../.." : root, "docs");
    try {
      return (ObjectNode) JSON.readTree(Files.readString(docs.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract sample " + name, e);
    }
  }

  public static ObjectNode reportFiled() {
    return read("events/report-filed.v1.json");
  }

  public static ObjectNode reportWithdrawn() {
    return read("events/report-withdrawn.v1.json");
  }
}
