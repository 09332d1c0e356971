package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.shishi.contract.EventHeaders;
import cn.shishi.contract.Topics;
import cn.shishi.infra.ContractSamples;
import cn.shishi.infra.EmbeddedDatabase;
import cn.shishi.infra.FreePorts;
import cn.shishi.infra.InfraSettings;
import cn.shishi.infra.KafkaAcls;
import cn.shishi.infra.KafkaBroker;
import cn.shishi.infra.KafkaUser;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicProvisioner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's broker with SASL/SCRAM and ACLs, as production runs it: the services work with
 * their own logins, and nobody else writes a report, not a client without a login, nor one with a
 * wrong password, nor one with the aggregator's.
 */
class KafkaAclIT {
  private static final KafkaUser ADMIN = user("admin");
  private static final KafkaUser INGEST = user(KafkaAcls.INGEST);
  private static final KafkaUser AGGREGATOR = user(KafkaAcls.AGGREGATOR);
  private static final KafkaUser REDRIVE = user(KafkaAcls.REDRIVE);

  private static KafkaBroker broker;
  private static EmbeddedDatabase database;
  private static ServiceProcess aggregator;
  private static ServiceProcess ingest;

  private static KafkaUser user(String name) {
    return new KafkaUser(name, UUID.randomUUID().toString());
  }

  @BeforeAll
  static void start() throws IOException {
    Path home = Path.of("target", "system-kafka-acl").toAbsolutePath();
    // A fresh broker: its users (and their random passwords) are created when it is formatted.
    deleteRecursively(home);
    InfraSettings settings = InfraSettings.forTests(home, InfraSettings::lookup);
    broker =
        KafkaBroker.secured(
            home.resolve("kafka"),
            FreePorts.next(),
            FreePorts.next(),
            settings.kafkaLibs(),
            List.of(ADMIN, INGEST, AGGREGATOR, REDRIVE));
    broker.start();
    TopicProvisioner.provision(broker.adminSettings(), 12);
    try (Admin admin = Admin.create(broker.adminSettings())) {
      KafkaAcls.apply(admin);
    }
    database = EmbeddedDatabase.start(home.resolve("postgres"), FreePorts.next(), false);

    Map<String, String> common = new LinkedHashMap<>();
    common.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    common.put("QUARKUS_DATASOURCE_JDBC_URL", database.endpoint().jdbcUrl());
    common.put("QUARKUS_DATASOURCE_USERNAME", database.endpoint().user());
    common.put("QUARKUS_DATASOURCE_PASSWORD", database.endpoint().password());
    common.put("QUARKUS_PROFILE", "local");
    Map<String, String> aggregatorEnv = new LinkedHashMap<>(common);
    aggregatorEnv.putAll(AGGREGATOR.serviceEnvironment());
    aggregatorEnv.put("SHISHI_AGGREGATOR_REDRIVE_LOGIN", REDRIVE.jaasConfig());
    aggregator = new ServiceProcess("aggregator", aggregatorEnv).start();
    Map<String, String> ingestEnv = new LinkedHashMap<>(common);
    ingestEnv.putAll(INGEST.serviceEnvironment());
    ingest = new ServiceProcess("ingest", ingestEnv).start();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {ingest, aggregator, database, broker}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // Stopping the rest matters more.
      }
    }
  }

  @Test
  void theServicesWorkWithTheirOwnLoginsAndOnlyTheyWriteReports() throws Exception {
    ObjectNode report = ContractSamples.reportFiled();
    for (String serverOwned : List.of("schemaVersion", "officeId", "receivedAt", "filedBy")) {
      report.remove(serverOwned);
    }
    report.put("reportId", UUID.randomUUID().toString());
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType(ContentType.JSON)
        .body(report.toString())
        .post(ingest.url("/api/v1/reports"))
        .then()
        .statusCode(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> counted() == 1);
    long written = reportsInTopic();

    String forged =
        ContractSamples.reportFiled().put("reportId", UUID.randomUUID().toString()).toString();
    assertThatThrownBy(() -> send(Map.of(), forged))
        .as("a client without a login never learns where to write")
        .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    KafkaUser wrongPassword = new KafkaUser(KafkaAcls.INGEST, "guessed");
    assertThatThrownBy(() -> send(wrongPassword.clientSettings(), forged))
        .hasCauseInstanceOf(SaslAuthenticationException.class);
    assertThatThrownBy(() -> send(AGGREGATOR.clientSettings(), forged))
        .as("the aggregator reads reports; it may not write one")
        .hasCauseInstanceOf(TopicAuthorizationException.class);

    assertThat(reportsInTopic()).as("no forged record reached the topic").isEqualTo(written);
    assertThat(counted()).isEqualTo(1);
  }

  @Test
  void aDeadLetterIsSetAsideAndReDrivenWithTheReDriveLogin() throws Exception {
    long before = counted();
    ObjectNode broken =
        ContractSamples.reportFiled()
            .put("reportId", UUID.randomUUID().toString())
            .put("regionCode", "339999");
    // The admin may write anything: here, a report no county has, as a faulty producer might.
    send(ADMIN.clientSettings(), broken.toString());
    long id =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    given()
                        .auth()
                        .oauth2(TestTokens.auditor())
                        .queryParam("reportId", broken.get("reportId").asText())
                        .get(aggregator.url("/api/v1/dead-letters"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("deadLetters.id", Long.class),
                ids -> ids.size() == 1)
            .get(0);

    ObjectNode corrected = broken.deepCopy().put("regionCode", "330402");
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"payload\": " + corrected + ", \"note\": \"county code typo\"}")
        .post(aggregator.url("/api/v1/dead-letters/" + id + "/redrive"))
        .then()
        .statusCode(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> counted() == before + 1);
  }

  private static long counted() {
    Number reports =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .get(aggregator.url("/api/v1/totals"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .get("rows[0].reports");
    return reports == null ? 0 : reports.longValue();
  }

  /** Writes one report-filed record with {@code login}'s settings, waiting for the answer. */
  private static void send(Map<String, Object> login, String value) throws Exception {
    Map<String, Object> settings = new HashMap<>(login);
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    // A forger's plain producer: the refusal is then the topic's, not the idempotence's.
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
      ProducerRecord<String, String> record = new ProducerRecord<>(Topics.REPORTS, "33", value);
      record.headers().add(EventHeaders.TYPE, "report-filed".getBytes(StandardCharsets.UTF_8));
      producer.send(record).get(15, TimeUnit.SECONDS);
    }
  }

  private static long reportsInTopic() throws Exception {
    Properties props = new Properties();
    props.putAll(broker.adminSettings());
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (int p = 0; p < 12; p++) {
        ends.put(new TopicPartition(Topics.REPORTS, p), OffsetSpec.latest());
      }
      return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    }
  }
}
