package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import cn.shishi.contract.EventTimestamps;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportFiledJson;
import cn.shishi.contract.partition.PartitionAssignment;
import cn.shishi.infra.ContractSamples;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicFixture;
import cn.shishi.ingest.Samples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ReportResourceTest {
  private final ObjectMapper json = new ObjectMapper();
  @RegisterExtension final TopicFixture topic = TopicFixture.reports();
  @Inject ObjectMapper applicationMapper;

  /**
   * Reports are written by the contract's own writer, withdrawals by this application's mapper: the
   * two must agree, whatever Quarkus's Jackson settings become.
   */
  @Test
  void reportEventsAreWrittenAsTheApplicationsMapperWritesThem() throws Exception {
    ObjectWriter mapper = EventTimestamps.writer(applicationMapper);
    for (String note : new String[] {"为南湖区两户老人完成适老化改造", null, "\u2028 \" \\ \u0001 😀"}) {
      ReportFiled event =
          new ReportFiled(
              1,
              UUID.randomUUID(),
              "jx-office-1",
              "330402",
              "warm-nest",
              "household-helped",
              null,
              5,
              OffsetDateTime.parse("2021-05-14T10:30:00.120+08:00"),
              note,
              Instant.parse("2021-05-14T02:31:07.250Z"),
              "jx-clerk-wang");
      assertThat(ReportFiledJson.write(event))
          .as("note %s", note)
          .isEqualTo(mapper.writeValueAsBytes(event));
    }
  }

  @Test
  void acceptsAReportOnlyOnceKafkaHoldsItUnderItsOfficesCity() throws Exception {
    ObjectNode body = Samples.reportRequest();
    String reportId = body.get("reportId").asText();

    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(body.toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(202)
        .body("reportId", equalTo(reportId))
        .body("status", equalTo("accepted"));

    // Acknowledged means already in the topic: no waiting.
    ConsumerRecord<String, String> record = topic.reader().find(reportId).get(0);
    assertThat(record.key()).isEqualTo("3304");
    assertThat(record.partition())
        .as("the partition the assignment gives the office's city (docs/adr/0012)")
        .isEqualTo(PartitionAssignment.current().partition("3304", 12).getAsInt());
    assertThat(
            new String(
                record.headers().lastHeader("shishi-event-type").value(), StandardCharsets.UTF_8))
        .isEqualTo("report-filed");
    ObjectNode expected = ContractSamples.reportFiled();
    ObjectNode event = (ObjectNode) json.readTree(record.value());
    assertThat(event.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrderElementsOf(() -> expected.fieldNames());
    assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
    for (String field :
        new String[] {"regionCode", "program", "taskType", "quantity", "beneficiaries", "note"}) {
      assertThat(event.get(field)).as(field).isEqualTo(expected.get(field));
    }
    assertThat(event.get("completedAt").asText()).isEqualTo("2021-05-14T10:30:00+08:00");
    assertThat(event.get("receivedAt").asText()).endsWith("Z");
    assertThat(event.get("officeId").asText()).isEqualTo("jx-office-1");
  }

  @Test
  void rejectsAnInvalidReportWithEveryViolationAndPublishesNothing() {
    long before = topic.reader().endOffsetSum();
    ObjectNode body = Samples.reportRequest();
    body.put("regionCode", "339999");
    body.put("quantity", 0);
    body.remove("program");

    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(body.toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422))
        .body("errors.pointer", hasItems("/regionCode", "/quantity", "/program"));

    assertThat(topic.reader().endOffsetSum()).isEqualTo(before);
  }

  @Test
  void refusesAnOfficeWhoseIdTheLedgerCannotStoreAndPublishesNothing() {
    long before = topic.reader().endOffsetSum();
    for (String subject : new String[] {"o".repeat(129), "office\u0000one", "two\nlines"}) {
      given()
          .auth()
          .oauth2(TestTokens.office(subject, "3304"))
          .contentType("application/json")
          .body(Samples.reportRequest().toString())
          .post("/api/v1/reports")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    assertThat(topic.reader().endOffsetSum()).isEqualTo(before);
  }

  @Test
  void refusesANoteThatIsNotPlainText() {
    ObjectNode body = Samples.reportRequest();
    body.put("note", "\u0301\u0301 only combining marks");
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(body.toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(422)
        .body("errors.pointer", hasItems("/note"));
  }

  @Test
  void rejectsServerOwnedFields() {
    ObjectNode body = Samples.reportRequest();
    body.put("officeId", "someone-else");

    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(body.toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].pointer", equalTo("/officeId"));
  }

  @Test
  void rejectsMalformedJsonAsBadRequest() {
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body("{\"reportId\": ")
        .post("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Bad Request"));
  }
}
