package cn.shishi.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The checkout's deployment files, read as trees, wherever Maven was started from. */
final class RepoFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private RepoFiles() {}

  static Path root() {
    return Path.of(System.getProperty("shishi.root", "..")).toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static JsonNode yaml(String relative) {
    return read(YAML, path(relative));
  }

  static JsonNode json(Path file) {
    return read(JSON, file);
  }

  /** Every document of a multi-document YAML file (Kubernetes manifests are often several). */
  static List<JsonNode> yamlDocuments(Path file) {
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      return documents(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Every document of a multi-document YAML text (what kubectl kustomize prints). */
  static List<JsonNode> yamlDocuments(String text) {
    try (var parser = YAML.getFactory().createParser(text)) {
      return documents(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read YAML", e);
    }
  }

  private static List<JsonNode> documents(JsonParser parser) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    var iterator = YAML.readValues(parser, JsonNode.class);
    while (iterator.hasNext()) {
      JsonNode document = iterator.next();
      if (document != null && !document.isNull() && !document.isMissingNode()) {
        documents.add(document);
      }
    }
    return documents;
  }

  /** A service's application.properties, as it ships (the source, not a build output). */
  /**
   * The configuration a service reads from files: what both services share (support/web's
   * microprofile-config.properties), then its own application.properties.
   */
  static Properties serviceProperties(String service) {
    return properties(
        "support/web/src/main/resources/META-INF/microprofile-config.properties",
        "services/" + service + "/src/main/resources/application.properties");
  }

  /** The properties files, read in order (a later file's key wins). */
  static Properties properties(String... files) {
    Properties properties = new Properties();
    for (String file : files) {
      try (InputStream in = Files.newInputStream(path(file))) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return properties;
  }

  static List<Path> list(String relativeDir, String suffix) {
    try (Stream<Path> files = Files.list(path(relativeDir))) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + relativeDir, e);
    }
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
