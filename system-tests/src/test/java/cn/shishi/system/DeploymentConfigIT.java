package cn.shishi.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.contract.Topics;
import cn.shishi.infra.InfraSettings;
import cn.shishi.infra.KafkaAcls;
import cn.shishi.infra.KafkaUser;
import cn.shishi.infra.TopicProvisioner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml and deploy/k8s against what the services read: their ports, the environment
 * variables that map to keys of their application.properties, the probes, the topics and the files
 * that Prometheus and Grafana are given. A renamed property or port fails here, not on the day of a
 * deployment.
 */
class DeploymentConfigIT {
  private static final Pattern TOPIC =
      Pattern.compile(
          "--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)((?:\\s+--[a-z-]+\\s+[^\\s&]+)*)");
  private static final Pattern TOPIC_SETTINGS =
      Pattern.compile("--entity-name\\s+(\\S+)\\s+--add-config\\s+([^\\s&]+)");

  private static final String JVM_OPTIONS = "JDK_JAVA_OPTIONS";

  /** What each service cannot run without, as environment variables. */
  private static final Map<String, Set<String>> REQUIRED_ENVIRONMENT =
      Map.of(
          "console",
          Set.of(
              "QUARKUS_REST_CLIENT_INGEST_URL",
              "QUARKUS_REST_CLIENT_AGGREGATOR_URL",
              "QUARKUS_OIDC_AUTH_SERVER_URL",
              "QUARKUS_OIDC_CLIENT_ID",
              "QUARKUS_OIDC_CREDENTIALS_SECRET"),
          "ingest",
          Set.of(
              "KAFKA_BOOTSTRAP_SERVERS",
              "KAFKA_SECURITY_PROTOCOL",
              "KAFKA_SASL_MECHANISM",
              "KAFKA_SASL_JAAS_CONFIG",
              "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
              "MP_JWT_VERIFY_ISSUER",
              "MP_JWT_VERIFY_AUDIENCES"),
          "aggregator",
          Set.of(
              "KAFKA_BOOTSTRAP_SERVERS",
              "KAFKA_SECURITY_PROTOCOL",
              "KAFKA_SASL_MECHANISM",
              "KAFKA_SASL_JAAS_CONFIG",
              "SHISHI_AGGREGATOR_REDRIVE_LOGIN",
              "QUARKUS_DATASOURCE_JDBC_URL",
              "QUARKUS_DATASOURCE_USERNAME",
              "QUARKUS_DATASOURCE_PASSWORD",
              "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
              "MP_JWT_VERIFY_ISSUER",
              "MP_JWT_VERIFY_AUDIENCES"));

  /** The passwords docker-compose.yml requires, as an operator's .env would give them. */
  private static final Map<String, String> COMPOSE_SECRETS =
      Map.of(
          "GRAFANA_ADMIN_PASSWORD", "p1",
          "KAFKA_ADMIN_PASSWORD", "p2",
          "KAFKA_INGEST_PASSWORD", "p3",
          "KAFKA_AGGREGATOR_PASSWORD", "p4",
          "KAFKA_REDRIVE_PASSWORD", "p5",
          "SHISHI_DB_PASSWORD", "p6",
          "GRAFANA_DB_PASSWORD", "p7",
          "KAFKA_AUDITOR_PASSWORD", "p8");

  /** Settings the services read without a line in application.properties. */
  private static final Set<String> MAPPED_WITHOUT_DEFAULT =
      Set.of(
          "SHISHI_AGGREGATOR_REDRIVE_LOGIN",
          // The console's identity provider: no default, so that prod refuses to start without.
          "QUARKUS_OIDC_AUTH_SERVER_URL",
          "QUARKUS_OIDC_CREDENTIALS_SECRET");

  private static final Pattern ACL =
      Pattern.compile(
          "--allow-principal\\s+User:(\\S+)((?:\\s+--operation\\s+\\S+)+)\\s+--(topic|group)\\s+([^\\s&]+)"
              + "(\\s+--resource-pattern-type\\s+prefixed)?");

  // ------------------------------------------------------------------------------ Compose

  @Test
  void composeAcceptsTheFile() {
    Tool.Result result =
        Tool.DOCKER_COMPOSE.run(
            RepoFiles.root(), COMPOSE_SECRETS, "-f", "docker-compose.yml", "config", "-q");
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GRAFANA_ADMIN_PASSWORD",
        "KAFKA_ADMIN_PASSWORD",
        "KAFKA_INGEST_PASSWORD",
        "KAFKA_AGGREGATOR_PASSWORD",
        "KAFKA_REDRIVE_PASSWORD",
        "SHISHI_DB_PASSWORD",
        "GRAFANA_DB_PASSWORD",
        "KAFKA_AUDITOR_PASSWORD"
      })
  void composeHasNoDefaultPasswords(String secret) {
    Map<String, String> without = new LinkedHashMap<>(COMPOSE_SECRETS);
    without.remove(secret);
    Tool.Result result =
        Tool.DOCKER_COMPOSE.run(
            RepoFiles.root(), without, "-f", "docker-compose.yml", "config", "-q");
    assertThat(result.exitCode()).as(result.toString()).isNotZero();
    assertThat(result.output()).contains(secret);
  }

  @Test
  void grafanaHasNoAnonymousViewers() {
    Map<String, String> grafana =
        fields(compose().path("services").path("grafana").path("environment"));
    assertThat(grafana).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false");
    assertThat(grafana).containsEntry("GF_USERS_ALLOW_SIGN_UP", "false");
  }

  @Test
  void composeKafkaRequiresLoginsAndGrantsWhatTheAclPlanGrants() {
    Properties broker = RepoFiles.properties("deploy/kafka/server.properties");
    assertThat(broker.getProperty("listener.security.protocol.map"))
        .isEqualTo("CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    assertThat(broker.getProperty("listener.name.client.sasl.enabled.mechanisms"))
        .isEqualTo(KafkaUser.MECHANISM);
    assertThat(broker.getProperty("authorizer.class.name"))
        .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    assertThat(broker.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
    assertThat(broker.getProperty("super.users")).isEqualTo("User:admin;User:controller");

    String init =
        String.join(" ", texts(compose().path("services").path("kafka-init").path("command")));
    assertThat(acls(init)).isEqualTo(expectedAcls());

    JsonNode services = compose().path("services");
    for (String service : List.of("ingest", "aggregator")) {
      Map<String, String> environment = fields(services.path(service).path("environment"));
      assertThat(environment)
          .containsEntry("KAFKA_SECURITY_PROTOCOL", KafkaUser.PROTOCOL)
          .containsEntry("KAFKA_SASL_MECHANISM", KafkaUser.MECHANISM);
      assertThat(environment.get("KAFKA_SASL_JAAS_CONFIG"))
          .contains("username=\"shishi-" + service + "\"");
    }
    assertThat(fields(services.path("aggregator").path("environment")))
        .extractingByKey("SHISHI_AGGREGATOR_REDRIVE_LOGIN")
        .asString()
        .contains("username=\"" + KafkaAcls.REDRIVE + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "aggregator", "console"})
  void composeRunsEachServiceOnItsPortsWithItsConfiguration(String service) {
    JsonNode compose = compose().path("services").path(service);
    Properties properties = RepoFiles.serviceProperties(service);
    String http = properties.getProperty("quarkus.http.port");
    String management = properties.getProperty("quarkus.management.port");

    assertThat(texts(compose.path("ports")))
        .containsExactlyInAnyOrder(
            "127.0.0.1:" + http + ":" + http, "127.0.0.1:" + management + ":" + management);
    Map<String, String> environment = fields(compose.path("environment"));
    assertEnvironmentMatches(service, environment.keySet(), properties);
    assertThat(String.join(" ", texts(compose.path("healthcheck").path("test"))))
        .contains("/dev/tcp/127.0.0.1/" + management)
        .contains("/q/health/ready");

    // Built from the sources of a fresh clone: the repository is the context, the service an
    // argument of the one Dockerfile (ContainerImagesIT checks the file itself).
    assertThat(compose.path("build").path("context").asText()).isEqualTo(".");
    assertThat(compose.path("build").path("dockerfile").asText())
        .isEqualTo(ContainerImagesIT.DOCKERFILE);
    assertThat(compose.path("build").path("args").path("SERVICE").asText()).isEqualTo(service);
    assertThat(compose.path("image").asText())
        .startsWith(ContainerImagesIT.REGISTRY + "/shishi/" + service + ":");
  }

  @Test
  void composePublishesEveryPortOnLoopbackOnly() {
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            service ->
                assertThat(texts(service.getValue().path("ports")))
                    .as(service.getKey() + "'s ports")
                    .allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:")));
  }

  @Test
  void composeUsesTheInfrastructureVersionsTheTestsRunOn() {
    JsonNode services = compose().path("services");
    String rootPom = read(RepoFiles.path("pom.xml"));
    String kafkaVersion = between(rootPom, "<kafka.version>", "</kafka.version>");
    String[] postgres =
        between(rootPom, "<postgres-binaries.version>", "</postgres-binaries.version>")
            .split("\\.");

    assertThat(services.path("kafka").path("image").asText())
        .isEqualTo("apache/kafka:" + kafkaVersion);
    assertThat(services.path("kafka-init").path("image").asText())
        .isEqualTo("apache/kafka:" + kafkaVersion);
    assertThat(services.path("postgres").path("image").asText())
        .isEqualTo("postgres:" + postgres[0] + "." + postgres[1]);
  }

  @Test
  void composeCreatesTheTopicsTheLauncherCreatesForOneBroker() {
    String command =
        String.join(" ", texts(compose().path("services").path("kafka-init").path("command")));
    assertThat(topics(command)).isEqualTo(expectedTopics(1));
    assertThat(topicSettings(command)).isEqualTo(expectedSettings(1));
  }

  @Test
  void composeConnectsTheAggregatorToItsPostgres() {
    JsonNode services = compose().path("services");
    Map<String, String> aggregator = fields(services.path("aggregator").path("environment"));
    Map<String, String> postgres = fields(services.path("postgres").path("environment"));
    assertThat(aggregator.get("QUARKUS_DATASOURCE_JDBC_URL"))
        .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
    assertThat(aggregator.get("QUARKUS_DATASOURCE_USERNAME"))
        .isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(aggregator.get("QUARKUS_DATASOURCE_PASSWORD"))
        .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    assertThat(aggregator.get("KAFKA_BOOTSTRAP_SERVERS"))
        .isEqualTo(
            fields(services.path("ingest").path("environment")).get("KAFKA_BOOTSTRAP_SERVERS"))
        .isEqualTo(
            RepoFiles.properties("deploy/kafka/server.properties")
                .getProperty("advertised.listeners")
                .replace("CLIENT://", ""));
  }

  @Test
  void prometheusScrapesBothServicesWhereComposeRunsThem() {
    JsonNode prometheus = compose().path("services").path("prometheus");
    String configFile =
        texts(prometheus.path("command")).stream()
            .filter(argument -> argument.startsWith("--config.file="))
            .findFirst()
            .orElseThrow()
            .substring("--config.file=".length());
    String configDir = configFile.substring(0, configFile.lastIndexOf('/'));
    assertThat(volumes(prometheus)).contains("./deploy/prometheus:" + configDir + ":ro");
    assertThat(configFile.substring(configDir.length() + 1)).isEqualTo("prometheus.yml");

    JsonNode config = RepoFiles.yaml("deploy/prometheus/prometheus.yml");
    Map<String, String> targets = new LinkedHashMap<>();
    for (JsonNode scrape : config.path("scrape_configs")) {
      if (scrape.path("job_name").asText().startsWith("shishi-")) {
        assertThat(scrape.path("metrics_path").asText()).isEqualTo("/q/metrics");
        targets.put(
            scrape.path("job_name").asText(),
            scrape.path("static_configs").get(0).path("targets").get(0).asText());
      }
    }
    assertThat(targets)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "shishi-ingest", "ingest:" + managementPort("ingest"),
                "shishi-aggregator", "aggregator:" + managementPort("aggregator"),
                "shishi-console", "console:" + managementPort("console")));

    // The rules glob, relative to the configuration's folder, finds the rules file.
    for (JsonNode glob : config.path("rule_files")) {
      var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.asText());
      assertThat(RepoFiles.list("deploy/prometheus/rules", ".yml"))
          .anyMatch(file -> matcher.matches(RepoFiles.path("deploy/prometheus").relativize(file)));
    }
  }

  @Test
  void grafanaReadsFromComposesPrometheus() {
    JsonNode datasource =
        RepoFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
            .path("datasources")
            .get(0);
    assertThat(compose().path("services").has("prometheus")).isTrue();
    assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
  }

  @Test
  void everyFileComposeMountsExists() {
    compose()
        .path("services")
        .forEach(
            service ->
                volumes(service).stream()
                    .filter(volume -> volume.startsWith("./"))
                    .forEach(
                        volume ->
                            assertThat(RepoFiles.path(volume.substring(2, volume.indexOf(':'))))
                                .as(volume)
                                .exists()));
  }

  // ------------------------------------------------------------------------------ Kubernetes

  @Test
  void theKustomizationListsEveryManifestAndNoSecret() {
    JsonNode kustomization = RepoFiles.yaml("deploy/k8s/base/kustomization.yaml");
    List<String> resources = texts(kustomization.path("resources"));
    try (Stream<Path> files = Files.list(RepoFiles.path("deploy/k8s/base"))) {
      assertThat(
              files
                  .map(file -> file.getFileName().toString())
                  .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")))
          .containsExactlyInAnyOrderElementsOf(resources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Secrets are created in the cluster (docs/operations.md), never committed.
    assertThat(manifests()).noneMatch(m -> m.path("kind").asText().equals("Secret"));
    assertThat(manifests())
        .allSatisfy(
            m -> {
              assertThat(m.path("apiVersion").asText()).isNotBlank();
              assertThat(m.path("metadata").path("name").asText()).isNotBlank();
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "aggregator", "console"})
  void eachDeploymentRunsItsServiceOnItsPortsWithProbesAndLimits(String service) {
    Properties properties = RepoFiles.serviceProperties(service);
    int http = Integer.parseInt(properties.getProperty("quarkus.http.port"));
    int management = Integer.parseInt(properties.getProperty("quarkus.management.port"));
    JsonNode deployment = manifest("Deployment", "shishi-" + service);
    JsonNode pod = deployment.path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").get(0);

    Map<String, Integer> ports = new LinkedHashMap<>();
    container
        .path("ports")
        .forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
    assertThat(ports)
        .containsExactlyInAnyOrderEntriesOf(Map.of("http", http, "management", management));

    assertProbe(container.path("livenessProbe"), "/q/health/live", ports, management);
    assertProbe(container.path("readinessProbe"), "/q/health/ready", ports, management);
    assertProbe(container.path("startupProbe"), "/q/health/started", ports, management);

    for (String kind : List.of("requests", "limits")) {
      assertThat(container.path("resources").path(kind).path("cpu").asText()).as(kind).isNotBlank();
      assertThat(container.path("resources").path(kind).path("memory").asText())
          .as(kind)
          .isNotBlank();
    }

    Set<String> environment = new TreeSet<>();
    container.path("env").forEach(variable -> environment.add(variable.path("name").asText()));
    assertEnvironmentMatches(service, environment, properties);
    assertThat(pod.path("metadata").path("annotations").path("prometheus.io/port").asText())
        .isEqualTo(String.valueOf(management));
    assertThat(pod.path("metadata").path("annotations").path("prometheus.io/path").asText())
        .isEqualTo("/q/metrics");

    JsonNode serviceManifest = manifest("Service", "shishi-" + service);
    Map<Integer, String> servicePorts = new LinkedHashMap<>();
    serviceManifest
        .path("spec")
        .path("ports")
        .forEach(p -> servicePorts.put(p.path("port").asInt(), p.path("targetPort").asText()));
    assertThat(servicePorts)
        .containsExactlyInAnyOrderEntriesOf(Map.of(http, "http", management, "management"));
    assertSelects(serviceManifest.path("spec").path("selector"), pod);
    assertSelects(
        manifest("PodDisruptionBudget", "shishi-" + service)
            .path("spec")
            .path("selector")
            .path("matchLabels"),
        pod);
    assertSelects(deployment.path("spec").path("selector").path("matchLabels"), pod);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "aggregator", "console"})
  void onlyPrometheusReachesAServicesManagementPort(String service) {
    Properties properties = RepoFiles.serviceProperties(service);
    int http = Integer.parseInt(properties.getProperty("quarkus.http.port"));
    int management = Integer.parseInt(properties.getProperty("quarkus.management.port"));
    JsonNode deny = manifest("NetworkPolicy", "shishi-default-deny").path("spec");
    assertThat(deny.path("podSelector").size()).as("the default deny selects every pod").isZero();
    assertThat(texts(deny.path("policyTypes"))).contains("Ingress");
    assertThat(deny.path("ingress").isMissingNode()).isTrue();

    JsonNode policy = manifest("NetworkPolicy", "shishi-" + service).path("spec");
    JsonNode pod = manifest("Deployment", "shishi-" + service).path("spec").path("template");
    assertSelects(policy.path("podSelector").path("matchLabels"), pod);
    Map<Integer, JsonNode> fromByPort = new LinkedHashMap<>();
    policy
        .path("ingress")
        .forEach(
            rule ->
                rule.path("ports")
                    .forEach(port -> fromByPort.put(port.path("port").asInt(), rule.path("from"))));
    assertThat(fromByPort).containsOnlyKeys(http, management);
    assertThat(fromByPort.get(http).isMissingNode()).as("the API is open to the ingress").isTrue();
    JsonNode prometheus = fromByPort.get(management);
    assertThat(prometheus.size()).isEqualTo(1);
    assertThat(
            prometheus
                .get(0)
                .path("podSelector")
                .path("matchLabels")
                .path("app.kubernetes.io/name")
                .asText())
        .isEqualTo("prometheus");
  }

  @Test
  void aReadOnlyRootFilesystemComesWithAWritableTmp() {
    for (JsonNode manifest : manifests()) {
      JsonNode spec = manifest.path("spec").path("template").path("spec");
      for (JsonNode container : spec.path("containers")) {
        if (container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()) {
          JsonNode mount =
              stream(container.path("volumeMounts"))
                  .filter(m -> m.path("mountPath").asText().equals("/tmp"))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError(container.path("name") + " has no /tmp"));
          assertThat(stream(spec.path("volumes")).map(v -> v.path("name").asText()))
              .contains(mount.path("name").asText());
        }
      }
    }
  }

  @Test
  void everyReferencedConfigKeyExistsAndSecretsAreDocumented() {
    JsonNode config = manifest("ConfigMap", "shishi-config").path("data");
    String operations = read(RepoFiles.path("docs/operations.md"));
    for (JsonNode manifest : manifests()) {
      for (JsonNode ref : manifest.findValues("configMapKeyRef")) {
        assertThat(ref.path("name").asText()).isEqualTo("shishi-config");
        assertThat(config.has(ref.path("key").asText())).as(ref.toString()).isTrue();
      }
      for (JsonNode ref : manifest.findValues("secretKeyRef")) {
        assertThat(ref.path("name").asText()).isEqualTo("shishi-secrets");
        assertThat(operations)
            .as("docs/operations.md names " + ref)
            .contains("--from-literal=" + ref.path("key").asText() + "=");
      }
    }
    assertThat(operations).contains("kubectl -n shishi create secret generic shishi-secrets");
  }

  @Test
  void theAggregatorScalesToOneReplicaPerPartitionAtMost() {
    int partitions = expectedTopics(3).get(Topics.REPORTS).partitions();
    JsonNode hpa = manifest("HorizontalPodAutoscaler", "shishi-aggregator").path("spec");
    assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("shishi-aggregator");
    assertThat(hpa.path("maxReplicas").asInt()).isBetween(1, partitions);
    assertThat(hpa.path("minReplicas").asInt()).isBetween(1, hpa.path("maxReplicas").asInt());
    assertThat(manifest("Deployment", "shishi-aggregator").path("spec").path("replicas").asInt())
        .isBetween(hpa.path("minReplicas").asInt(), hpa.path("maxReplicas").asInt());
  }

  /**
   * PostgreSQL's default {@code max_connections}, which docs/operations.md tells the operator to
   * keep or raise, less what Grafana's reader, operators and migrations need.
   */
  private static final int RESERVED_CONNECTIONS = 15;

  private static final int CONNECTIONS_FOR_AGGREGATORS = 100 - RESERVED_CONNECTIONS;

  private static final String PRODUCTION = "deploy/k8s/overlays/production";

  @Test
  void theAggregatorsPoolsFitTheDatabaseAtTheLargestScale() {
    JsonNode hpa = manifest("HorizontalPodAutoscaler", "shishi-aggregator").path("spec");
    assertThat(aggregatorPool() * hpa.path("maxReplicas").asInt())
        .as("connections of every aggregator at the HPA's maximum")
        .isLessThanOrEqualTo(CONNECTIONS_FOR_AGGREGATORS);
    JsonNode up = hpa.path("behavior").path("scaleUp");
    assertThat(up.path("policies"))
        .as("scale-up steps: at most one replica a minute, so as not to storm the group")
        .isNotEmpty()
        .allSatisfy(
            policy -> {
              assertThat(policy.path("type").asText()).isEqualTo("Pods");
              assertThat(policy.path("value").asInt()).isEqualTo(1);
              assertThat(policy.path("periodSeconds").asInt()).isGreaterThanOrEqualTo(60);
            });
  }

  @Test
  void theTopicsJobCreatesTheTopicsTheLauncherCreates() {
    JsonNode container =
        manifest("Job", "shishi-topics")
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .get(0);
    String command = String.join(" ", texts(container.path("args")));
    assertThat(topics(command)).isEqualTo(expectedTopics(3));
    assertThat(topicSettings(command)).isEqualTo(expectedSettings(3));
    assertThat(acls(command)).isEqualTo(expectedAcls());
    assertThat(container.path("image").asText())
        .isEqualTo(compose().path("services").path("kafka").path("image").asText());
  }

  // ------------------------------------------------------------------------------ Overlays

  @Test
  void strimziCreatesTheTopicsAndUsersOfThePlans() {
    List<JsonNode> kafka = RepoFiles.yamlDocuments(RepoFiles.path(PRODUCTION + "/kafka.yaml"));
    Map<String, TopicSpec> topics = new LinkedHashMap<>();
    Set<String> acls = new TreeSet<>();
    for (JsonNode resource : kafka) {
      JsonNode spec = resource.path("spec");
      String name = resource.path("metadata").path("name").asText();
      if (resource.path("kind").asText().equals("KafkaTopic")) {
        topics.put(
            name,
            new TopicSpec(
                spec.path("partitions").asInt(),
                spec.path("replicas").asInt(),
                new TreeMap<>(fields(spec.path("config")))));
      }
      if (resource.path("kind").asText().equals("KafkaUser")) {
        assertThat(spec.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        for (JsonNode acl : spec.path("authorization").path("acls")) {
          JsonNode on = acl.path("resource");
          String pattern =
              on.path("patternType").asText().equals("prefix") ? "prefixed" : "literal";
          for (JsonNode operation : acl.path("operations")) {
            acls.add(
                String.join(
                    " ",
                    name,
                    on.path("type").asText(),
                    on.path("name").asText(),
                    pattern,
                    operation.asText().toLowerCase()));
          }
        }
      }
    }
    assertThat(topics).isEqualTo(expectedTopics(3));
    assertThat(acls).isEqualTo(expectedAcls());
  }

  @Test
  void readsGoToThePrimaryUntilTheyCanTellAReplicasLag() {
    for (String config : List.of("deploy/k8s/base/config.yaml", PRODUCTION + "/config.yaml")) {
      JsonNode data = RepoFiles.yaml(config).path("data");
      assertThat(data.path("db-reads-jdbc-url").asText())
          .as(config + ": live streams and asOf do not yet allow for a replica's lag")
          .isEqualTo(data.path("db-jdbc-url").asText());
    }
  }

  /** As the local run's and the tests' databases are (EmbeddedDatabase, InfrastructureTest). */
  @Test
  void everyDatabaseComparesTextByteByByte() {
    assertThat(productionDatabase().path("bootstrap").path("initdb").path("localeCollate").asText())
        .isEqualTo("C");
    assertThat(
            fields(compose().path("services").path("postgres").path("environment"))
                .get("POSTGRES_INITDB_ARGS"))
        .isEqualTo("--lc-collate=C");
  }

  @Test
  void kedaScalesTheAggregatorsWithinThePartitionsAndTheDatabasesConnections() {
    JsonNode scaled =
        RepoFiles.yamlDocuments(RepoFiles.path(PRODUCTION + "/keda.yaml")).get(0).path("spec");
    JsonNode database = productionDatabase();
    int partitions = expectedTopics(3).get(Topics.REPORTS).partitions();
    int max = scaled.path("maxReplicaCount").asInt();
    assertThat(scaled.path("scaleTargetRef").path("name").asText()).isEqualTo("shishi-aggregator");
    assertThat(max).isBetween(1, partitions);
    assertThat(scaled.path("triggers").get(0).path("metadata").path("query").asText())
        .contains("shishi_consumer_lag");
    int connections =
        database.path("postgresql").path("parameters").path("max_connections").asInt();
    assertThat(aggregatorPool() * max)
        .as("connections of every aggregator at KEDA's maximum")
        .isLessThanOrEqualTo(connections - RESERVED_CONNECTIONS);
    assertThat(
            scaled
                .path("advanced")
                .path("horizontalPodAutoscalerConfig")
                .path("behavior")
                .path("scaleUp")
                .path("policies"))
        .allSatisfy(policy -> assertThat(policy.path("value").asInt()).isEqualTo(1));
  }

  /**
   * Production's Prometheus (the operator's) runs the very rules compose's and the tests' load, and
   * scrapes each service under the job name they select.
   */
  @Test
  void productionMonitorsWithTheRulesFileAndTheJobNamesTheRulesSelect() {
    JsonNode rule =
        RepoFiles.yamlDocuments(RepoFiles.path(PRODUCTION + "/prometheus-rule.yaml")).get(0);
    assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
    assertThat(rule.path("spec").path("groups"))
        .as("prometheus-rule.yaml against the rules file: run bin/shishi prometheus-rule")
        .isEqualTo(RepoFiles.yaml("deploy/prometheus/rules/shishi.rules.yml").path("groups"));

    JsonNode monitor =
        RepoFiles.yamlDocuments(RepoFiles.path(PRODUCTION + "/monitoring.yaml")).get(0);
    assertThat(monitor.path("kind").asText()).isEqualTo("PodMonitor");
    JsonNode spec = monitor.path("spec");
    String jobLabel = spec.path("jobLabel").asText();
    List<String> selected =
        texts(spec.path("selector").path("matchExpressions").get(0).path("values"));
    Set<String> jobs = new TreeSet<>();
    RepoFiles.yaml("deploy/prometheus/prometheus.yml")
        .path("scrape_configs")
        .forEach(job -> jobs.add(job.path("job_name").asText()));
    for (String service : List.of("ingest", "aggregator", "console")) {
      JsonNode pod = manifest("Deployment", "shishi-" + service).path("spec").path("template");
      String job = pod.path("metadata").path("labels").path(jobLabel).asText();
      assertThat(job).as(service + "'s job").isEqualTo("shishi-" + service).isIn(jobs);
      assertThat(selected).contains(job);
      assertThat(pod.path("spec").path("containers").get(0).path("ports").findValuesAsText("name"))
          .contains(spec.path("podMetricsEndpoints").get(0).path("port").asText());
    }
    assertThat(texts(RepoFiles.yaml(PRODUCTION + "/kustomization.yaml").path("resources")))
        .contains("monitoring.yaml", "prometheus-rule.yaml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyOverlayRendersWithLimitsProbesAndNonRootContainers(String overlay) {
    Path kubectl = Path.of("/usr/bin/kubectl");
    Assumptions.assumeTrue(
        Files.isExecutable(kubectl), "kubectl is not installed: the overlay is checked by hand");
    Tool.Result rendered =
        new Tool("kubectl", "kubernetes-client")
            .run(RepoFiles.root(), "kustomize", "deploy/k8s/overlays/" + overlay);
    assertThat(rendered.exitCode()).as(rendered.toString()).isZero();
    List<JsonNode> resources = RepoFiles.yamlDocuments(rendered.output());
    List<JsonNode> deployments =
        resources.stream().filter(r -> r.path("kind").asText().equals("Deployment")).toList();
    assertThat(deployments).hasSize(3);
    for (JsonNode deployment : deployments) {
      JsonNode pod = deployment.path("spec").path("template").path("spec");
      for (JsonNode container : pod.path("containers")) {
        String name = deployment.path("metadata").path("name").asText();
        assertThat(container.path("resources").path("limits").path("memory").asText())
            .as(name)
            .isNotEmpty()
            .as(name + ": memory requested as limited")
            .isEqualTo(container.path("resources").path("requests").path("memory").asText());
        assertThat(container.has("readinessProbe") && container.has("livenessProbe"))
            .as(name)
            .isTrue();
        assertThat(
                container.path("securityContext").path("runAsNonRoot").asBoolean()
                    || pod.path("securityContext").path("runAsNonRoot").asBoolean())
            .as(name)
            .isTrue();
      }
    }
    assertThat(resources)
        .as("the namespace of every namespaced resource")
        .filteredOn(r -> !r.path("kind").asText().equals("Namespace"))
        .allSatisfy(
            r -> assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("shishi"));
  }

  /**
   * The ingest's young generation (docs/benchmarks.md, B1, 2026-12-04) is measured with {@code
   * bin/shishi}'s options; compose and Kubernetes give the ingest the same, and no other service.
   */
  @Test
  void theIngestRunsWithTheYoungGenerationItWasMeasuredWith() throws IOException {
    Matcher local =
        Pattern.compile("(?m)^INGEST_YOUNG_GENERATION=\"([^\"]+)\"$")
            .matcher(Files.readString(RepoFiles.path("bin/shishi")));
    assertThat(local.find()).as("INGEST_YOUNG_GENERATION in bin/shishi").isTrue();
    String measured = local.group(1);
    assertThat(measured).contains("-Xmn");

    JsonNode services = compose().path("services");
    assertThat(fields(services.path("ingest").path("environment")))
        .containsEntry(JVM_OPTIONS, measured);
    for (String other : List.of("aggregator", "console")) {
      assertThat(fields(services.path(other).path("environment"))).doesNotContainKey(JVM_OPTIONS);
    }
    assertThat(containerEnvironment("shishi-ingest")).containsEntry(JVM_OPTIONS, measured);
    for (String other : List.of("shishi-aggregator", "shishi-console")) {
      assertThat(containerEnvironment(other)).doesNotContainKey(JVM_OPTIONS);
    }
  }

  private static Map<String, String> containerEnvironment(String deployment) {
    Map<String, String> env = new LinkedHashMap<>();
    manifest("Deployment", deployment)
        .path("spec")
        .path("template")
        .path("spec")
        .path("containers")
        .get(0)
        .path("env")
        .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }

  private static int aggregatorPool() {
    Map<String, String> env = containerEnvironment("shishi-aggregator");
    // Both pools, as if the reads went to the primary too (they do in deploy/k8s/base).
    return Integer.parseInt(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "16"))
        + Integer.parseInt(env.getOrDefault("QUARKUS_DATASOURCE_READS_JDBC_MAX_SIZE", "8"));
  }

  /** The probe paths of the manifests: ObservabilityIT asks the running services for them. */
  static Set<String> probePaths() {
    Set<String> paths = new TreeSet<>();
    for (JsonNode manifest : manifests()) {
      for (JsonNode container :
          manifest.path("spec").path("template").path("spec").path("containers")) {
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          if (container.has(probe)) {
            paths.add(container.path(probe).path("httpGet").path("path").asText());
          }
        }
      }
    }
    return paths;
  }

  // ------------------------------------------------------------------------------ helpers

  /** A topic as a command creates it: partitions, replicas and settings. */
  record TopicSpec(int partitions, int replicationFactor, Map<String, String> configs) {}

  /** The launcher's own plan for a cluster of {@code brokers}: what deployments must create. */
  private static Map<String, TopicSpec> expectedTopics(int brokers) {
    int partitions = InfraSettings.forTests(Path.of("unused"), name -> null).reportPartitions();
    Map<String, TopicSpec> topics = new LinkedHashMap<>();
    for (TopicProvisioner.TopicSpec topic : TopicProvisioner.plan(partitions, brokers)) {
      topics.put(
          topic.name(),
          new TopicSpec(
              topic.partitions(), topic.replicationFactor(), new TreeMap<>(topic.configs())));
    }
    return topics;
  }

  /** The bindings of KafkaAcls, as "principal resource-type name pattern operation". */
  private static Set<String> expectedAcls() {
    Set<String> acls = new TreeSet<>();
    for (AclBinding binding : KafkaAcls.plan()) {
      acls.add(
          String.join(
              " ",
              binding.entry().principal().substring("User:".length()),
              binding.pattern().resourceType().name().toLowerCase(),
              binding.pattern().name(),
              binding.pattern().patternType().name().toLowerCase(),
              binding.entry().operation().name().toLowerCase()));
    }
    return acls;
  }

  /** The bindings kafka-acls.sh commands add, in the form of {@link #expectedAcls}. */
  private static Set<String> acls(String command) {
    Set<String> acls = new TreeSet<>();
    Matcher matcher = ACL.matcher(command.replaceAll("\\s+", " "));
    while (matcher.find()) {
      String pattern = matcher.group(5) == null ? "literal" : "prefixed";
      for (String option : matcher.group(2).trim().split("\\s+")) {
        if (!option.equals("--operation")) {
          acls.add(
              String.join(
                  " ",
                  matcher.group(1),
                  matcher.group(3),
                  matcher.group(4),
                  pattern,
                  option.toLowerCase()));
        }
      }
    }
    return acls;
  }

  private static Map<String, Map<String, String>> expectedSettings(int brokers) {
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    expectedTopics(brokers).forEach((name, topic) -> settings.put(name, topic.configs()));
    return settings;
  }

  /** The topics a shell command creates with kafka-topics.sh. */
  private static Map<String, TopicSpec> topics(String command) {
    Map<String, TopicSpec> topics = new LinkedHashMap<>();
    Matcher matcher = TOPIC.matcher(command.replaceAll("\\s+", " "));
    while (matcher.find()) {
      int replicas = 0;
      Map<String, String> configs = new TreeMap<>();
      String[] options = matcher.group(3).trim().split(" ");
      for (int i = 0; i + 1 < options.length; i += 2) {
        if (options[i].equals("--replication-factor")) {
          replicas = Integer.parseInt(options[i + 1]);
        } else if (options[i].equals("--config")) {
          String[] setting = options[i + 1].split("=", 2);
          configs.put(setting[0], setting[1]);
        }
      }
      topics.put(
          matcher.group(1), new TopicSpec(Integer.parseInt(matcher.group(2)), replicas, configs));
    }
    return topics;
  }

  /** The settings a shell command sets again with kafka-configs.sh, for topics that exist. */
  private static Map<String, Map<String, String>> topicSettings(String command) {
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    Matcher matcher = TOPIC_SETTINGS.matcher(command.replaceAll("\\s+", " "));
    while (matcher.find()) {
      Map<String, String> configs = new TreeMap<>();
      for (String setting : matcher.group(2).split(",")) {
        String[] pair = setting.split("=", 2);
        configs.put(pair[0], pair[1]);
      }
      settings.put(matcher.group(1), configs);
    }
    return settings;
  }

  /**
   * Every variable a deployment sets must be one the service reads (a key of its
   * application.properties, in environment form), and the required ones must be there.
   */
  private static void assertEnvironmentMatches(
      String service, Set<String> environment, Properties properties) {
    Set<String> known = new TreeSet<>();
    // A profile's key (%local.x) is the same setting (x); the profile itself is chosen by one.
    properties
        .stringPropertyNames()
        .forEach(key -> known.add(environmentName(key.replaceFirst("^%[a-z]+\\.", ""))));
    known.add("QUARKUS_PROFILE");
    // Read by the java launcher, after the image's JAVA_TOOL_OPTIONS (the ingest's young
    // generation).
    known.add(JVM_OPTIONS);
    known.addAll(MAPPED_WITHOUT_DEFAULT);
    // Quarkus hands every KAFKA_* variable to the Kafka clients (security.protocol, sasl.*).
    environment.stream().filter(name -> name.startsWith("KAFKA_")).forEach(known::add);
    assertThat(known).as(service + "'s properties").containsAll(environment);
    assertThat(environment).containsAll(REQUIRED_ENVIRONMENT.get(service));
  }

  /** How Quarkus maps a property to an environment variable (MicroProfile Config's rule). */
  static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
  }

  private static void assertProbe(
      JsonNode probe, String path, Map<String, Integer> ports, int management) {
    assertThat(probe.path("httpGet").path("path").asText()).isEqualTo(path);
    JsonNode port = probe.path("httpGet").path("port");
    int number = port.isInt() ? port.asInt() : ports.getOrDefault(port.asText(), -1);
    assertThat(number).as(path + " on the management port").isEqualTo(management);
  }

  private static void assertSelects(JsonNode selector, JsonNode pod) {
    assertThat(selector.size()).isPositive();
    Map<String, String> labels = fields(pod.path("metadata").path("labels"));
    assertThat(labels).containsAllEntriesOf(fields(selector));
  }

  private static String managementPort(String service) {
    return RepoFiles.serviceProperties(service).getProperty("quarkus.management.port");
  }

  /** The spec of the production PostgreSQL cluster (CloudNativePG). */
  private static JsonNode productionDatabase() {
    return RepoFiles.yamlDocuments(RepoFiles.path(PRODUCTION + "/postgres.yaml")).stream()
        .filter(r -> r.path("kind").asText().equals("Cluster"))
        .findFirst()
        .orElseThrow()
        .path("spec");
  }

  private static JsonNode compose() {
    return RepoFiles.yaml("docker-compose.yml");
  }

  static List<JsonNode> manifests() {
    List<JsonNode> manifests = new ArrayList<>();
    for (String resource :
        texts(RepoFiles.yaml("deploy/k8s/base/kustomization.yaml").path("resources"))) {
      manifests.addAll(RepoFiles.yamlDocuments(RepoFiles.path("deploy/k8s/base/" + resource)));
    }
    return manifests;
  }

  static JsonNode manifest(String kind, String name) {
    return manifests().stream()
        .filter(m -> m.path("kind").asText().equals(kind))
        .filter(m -> m.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s/base"));
  }

  /** A Compose service's volumes in short form (host:container[:mode]). */
  static List<String> volumes(JsonNode service) {
    return texts(service.path("volumes"));
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> texts.add(item.asText()));
    } else if (!node.isMissingNode()) {
      texts.add(node.asText());
    }
    return texts;
  }

  /** A mapping's entries; Compose also allows a list of NAME=value. */
  private static Map<String, String> fields(JsonNode node) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (node.isArray()) {
      node.forEach(
          item -> {
            String[] pair = item.asText().split("=", 2);
            fields.put(pair[0], pair.length > 1 ? pair[1] : "");
          });
    } else {
      node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
    }
    return fields;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from)).trim();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
