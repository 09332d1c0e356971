package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' images as files, since no Docker engine runs here: built from the sources alone, on
 * base images named by exact release, carrying their SBOM, with JVM memory bounds that fit the
 * containers' limits in compose and in Kubernetes.
 */
class ContainerImagesIT {
  static final String DOCKERFILE = "deploy/docker/Dockerfile";
  static final String REGISTRY = "registry.shishi.example.cn";

  /**
   * Threads whose stacks count: Quarkus's worker pool may reach 200 on two CPUs, and the event
   * loops, Kafka's clients, the scheduler, the GC and the compilers add their own.
   */
  private static final int THREADS = 300;

  /**
   * What a JVM uses beyond the bounded areas and the stacks: GC structures, symbols, class data
   * sharing and malloc's arenas (about 50 MB in Native Memory Tracking after a drain, B5), and the
   * C2 compiler's arenas, which the images run and B5 measured at about 50 MB more resident memory.
   */
  private static final long JVM_OWN_MIB = 144;

  private static final Pattern ARG_DEFAULT = Pattern.compile("(?m)^ARG (\\w+_IMAGE)=(\\S+)$");

  @Test
  void imagesBuildFromTheSourcesOnBaseImagesOfAnExactRelease() throws IOException {
    String dockerfile = Files.readString(RepoFiles.path(DOCKERFILE));
    Map<String, String> bases = new LinkedHashMap<>();
    Matcher args = ARG_DEFAULT.matcher(dockerfile);
    while (args.find()) {
      bases.put(args.group(1), args.group(2));
    }
    assertThat(bases).containsOnlyKeys("MAVEN_IMAGE", "JRE_IMAGE");
    assertThat(bases.values())
        .allSatisfy(
            image ->
                assertThat(image)
                    .as("a release, never a floating tag")
                    .matches("[\\w./-]+:[\\w.-]*\\d+\\.\\d+\\.\\d+[\\w.-]*"));
    assertThat(dockerfile)
        .contains("FROM ${MAVEN_IMAGE} AS build")
        .contains("FROM ${JRE_IMAGE}")
        .containsPattern("mvn .*-pl \"services/\\$SERVICE\" -am package")
        .contains("COPY --from=build /build/services/${SERVICE}/target/quarkus-app/")
        .contains("target/bom.json /deployments/sbom.cdx.json")
        .contains("USER 10001");
    assertThat(Files.readAllLines(RepoFiles.path(".dockerignore")))
        .as("a build context without local output or state")
        .contains("**/target", "run", ".git");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "aggregator", "console"})
  void eachServiceWritesItsSbomWhenPackaged(String service) throws IOException {
    String pom = Files.readString(RepoFiles.path("services/" + service + "/pom.xml"));
    assertThat(pom.substring(pom.indexOf("<build>")))
        .contains("<artifactId>cyclonedx-maven-plugin</artifactId>");
    assertThat(Files.readString(RepoFiles.path("pom.xml")))
        .contains("<goal>makeBom</goal>", "<phase>package</phase>", "<outputName>bom</outputName>");
    // The services are packaged before this module in the reactor: the file the image copies.
    JsonNode bom =
        new ObjectMapper()
            .readTree(RepoFiles.path("services/" + service + "/target/bom.json").toFile());
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("metadata").path("component").path("name").asText())
        .isEqualTo("shishi-" + service);
    assertThat(bom.path("components").findValuesAsText("name"))
        .contains("quarkus-core", "kafka-clients", "shishi-contract");
  }

  @Test
  void theJvmsBoundsFitTheContainersMemoryEverywhere() throws IOException {
    long needed = jvmMebibytes(Files.readString(RepoFiles.path(DOCKERFILE)));
    JsonNode compose = RepoFiles.yaml("docker-compose.yml").path("services");
    for (String service : List.of("ingest", "aggregator", "console")) {
      JsonNode resources =
          DeploymentConfigIT.manifest("Deployment", "shishi-" + service)
              .path("spec")
              .path("template")
              .path("spec")
              .path("containers")
              .get(0)
              .path("resources");
      long limit = mebibytes(resources.path("limits").path("memory").asText());
      assertThat(resources.path("requests").path("memory").asText())
          .as(service + ": memory requested as limited")
          .isEqualTo(resources.path("limits").path("memory").asText());
      assertThat(needed).as(service + " in Kubernetes").isLessThanOrEqualTo(limit);
      assertThat(needed)
          .as(service + " in compose")
          .isLessThanOrEqualTo(mebibytes(compose.path(service).path("mem_limit").asText()));
    }
    assertThat(compose.properties())
        .as("every compose service has a memory limit")
        .allSatisfy(
            service -> assertThat(service.getValue().path("mem_limit").asText()).isNotBlank());
  }

  /** What the image's JVM may take at most, in MiB, from its JAVA_TOOL_OPTIONS. */
  static long jvmMebibytes(String dockerfile) {
    Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(options.find()).as("JAVA_TOOL_OPTIONS in " + DOCKERFILE).isTrue();
    String jvm = options.group(1);
    assertThat(jvm).doesNotContain("RAMPercentage").contains("-XX:+ExitOnOutOfMemoryError");
    long stacks = option(jvm, "-Xss") * THREADS / 1024;
    return option(jvm, "-Xmx")
        + option(jvm, "-XX:MaxMetaspaceSize=")
        + option(jvm, "-XX:ReservedCodeCacheSize=")
        + option(jvm, "-XX:MaxDirectMemorySize=")
        + stacks
        + JVM_OWN_MIB;
  }

  /** A size option of the JVM, in MiB (KiB for -Xss). */
  private static long option(String jvm, String name) {
    Matcher value = Pattern.compile(Pattern.quote(name) + "(\\d+)([km])\\b").matcher(jvm);
    assertThat(value.find()).as(name + " in " + jvm).isTrue();
    return Long.parseLong(value.group(1));
  }

  /** A Kubernetes (512Mi, 1Gi) or compose (768m, 1g) memory size, in MiB. */
  static long mebibytes(String size) {
    Matcher value = Pattern.compile("(\\d+)(Mi|Gi|m|g)").matcher(size);
    assertThat(value.matches()).as(size).isTrue();
    long number = Long.parseLong(value.group(1));
    return value.group(2).toLowerCase().startsWith("g") ? number * 1024 : number;
  }
}
