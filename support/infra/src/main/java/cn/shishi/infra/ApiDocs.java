package cn.shishi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Keeps docs/api.md and a service's OpenAPI document in step, for the services' tests. */
public final class ApiDocs {
  private ApiDocs() {}

  /** The OpenAPI paths that docs/api.md does not mention, verbatim. */
  public static List<String> undocumented(Collection<String> openApiPaths) {
    String root = InfraSettings.lookup("SHISHI_ROOT");
    Path docs = Path.of(root == null ? "../.." : root, "docs", "api.md");
    try {
      String text = Files.readString(docs);
      return openApiPaths.stream().filter(path -> !text.contains(path)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + docs, e);
    }
  }
}
