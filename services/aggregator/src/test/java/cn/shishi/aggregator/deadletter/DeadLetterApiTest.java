package cn.shishi.aggregator.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dead letters through the API: listed, read whole, re-driven (corrected or not), discarded. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class DeadLetterApiTest {
  private final Pipeline pipeline = new Pipeline();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void aCorrectedReportIsCountedOnceAndTheDecisionIsKept() {
    ObjectNode report = Pipeline.report("339999", "2024-05-10T09:00:00+08:00", 2);
    pipeline.file(report);
    long id = awaitDeadLetter(report);

    JsonPath letter = get(id, TestTokens.auditor()).statusCode(200).extract().jsonPath();
    assertThat(letter.getString("state")).isEqualTo("open");
    assertThat(letter.getString("reason")).isEqualTo("invalid");
    assertThat(letter.getString("record.value.text")).isEqualTo(report.toString());
    assertThat(letter.getList("record.headers.name.text")).contains("shishi-event-type");

    redrive(id, TestTokens.auditor(), "{}").statusCode(403);
    redrive(id, TestTokens.jiaxingOffice(), "{}").statusCode(403);
    ObjectNode stolen = report.deepCopy().put("regionCode", "330402").put("officeId", "another");
    redrive(id, TestTokens.admin(), "{\"payload\": " + stolen + "}")
        .statusCode(422)
        .body("errors.pointer", hasItem("/payload/officeId"));
    ObjectNode future =
        report.deepCopy().put("regionCode", "330402").put("completedAt", "2099-01-01T00:00:00Z");
    redrive(id, TestTokens.admin(), "{\"payload\": " + future + "}")
        .statusCode(422)
        .body("errors.pointer", hasItem("/payload/completedAt"));

    ObjectNode corrected = report.deepCopy().put("regionCode", "330402");
    redrive(id, TestTokens.admin(), "{\"payload\": " + corrected + ", \"note\": \"区划代码笔误\"}")
        .statusCode(200)
        .body("state", equalTo("redriven"))
        .body("resolution.by", equalTo("admin-1"))
        .body("resolution.note", containsString("区划代码笔误"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Pipeline.reports(Map.of("from", "2024-05-10", "to", "2024-05-10")) == 1);
    redrive(id, TestTokens.admin(), "{}").statusCode(409);
    // The same correction again is a duplicate: the total stays.
    assertThat(
            Pipeline.totals(Map.of("from", "2024-05-10", "to", "2024-05-10"))
                .getLong("rows[0].quantity"))
        .isEqualTo(2);
  }

  /**
   * Bytes that name no office cannot be corrected into a report of anyone's (an admin does not
   * file); a correction keeps the receive time the ingest stamped.
   */
  @Test
  void aCorrectionNeitherNamesAnOfficeTheRecordDidNotNorMovesItsReceipt() {
    RecordMetadata at = pipeline.raw("3304", "report-filed", "{not an event");
    await().atMost(Duration.ofSeconds(30)).until(() -> letterAt(at) != null);
    long garbage = letterAt(at);
    ObjectNode anyone = Pipeline.report("330402", "2024-05-13T09:00:00+08:00", 99);
    redrive(garbage, TestTokens.admin(), "{\"payload\": " + anyone + "}")
        .statusCode(422)
        .body("errors.detail", hasItem(containsString("names no office")));
    get(garbage, TestTokens.auditor()).statusCode(200).body("state", equalTo("open"));

    ObjectNode report = Pipeline.report("339996", "2024-05-13T09:00:00+08:00", 1);
    pipeline.file(report);
    long id = awaitDeadLetter(report);
    ObjectNode later =
        report.deepCopy().put("regionCode", "330402").put("receivedAt", "2099-01-01T00:00:00Z");
    redrive(id, TestTokens.admin(), "{\"payload\": " + later + "}")
        .statusCode(422)
        .body("errors.pointer", hasItem("/payload/receivedAt"));
    ObjectNode someoneElse =
        report.deepCopy().put("regionCode", "330402").put("filedBy", "another-clerk");
    redrive(id, TestTokens.admin(), "{\"payload\": " + someoneElse + "}")
        .statusCode(422)
        .body("errors.pointer", hasItem("/payload/filedBy"));
  }

  /** The id of the dead letter of the record at {@code at}, or null while there is none. */
  private static Long letterAt(RecordMetadata at) {
    JsonPath open =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .queryParam("reason", "unparseable")
            .queryParam("limit", 1000)
            .get("/api/v1/dead-letters")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> letters = open.getList("deadLetters");
    return letters.stream()
        .filter(
            l ->
                ((Number) l.get("partition")).intValue() == at.partition()
                    && ((Number) l.get("offset")).longValue() == at.offset())
        .map(l -> ((Number) l.get("id")).longValue())
        .findFirst()
        .orElse(null);
  }

  @Test
  void aRecordThatFailsAgainNamesTheDeadLetterItCameFrom() {
    ObjectNode report = Pipeline.report("339998", "2024-05-11T09:00:00+08:00", 1);
    pipeline.file(report);
    long id = awaitDeadLetter(report);

    redrive(id, TestTokens.admin(), "{}").statusCode(200).body("state", equalTo("redriven"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> deadLetters(report).getList("deadLetters").size() == 2);
    JsonPath both = deadLetters(report);
    assertThat(both.getLong("deadLetters[1].redrivenFrom")).isEqualTo(id);
    assertThat(both.getString("deadLetters[1].state")).isEqualTo("open");
  }

  @Test
  void aDiscardNeedsAReasonAndIsFinal() {
    ObjectNode report = Pipeline.report("339997", "2024-05-12T09:00:00+08:00", 1);
    pipeline.file(report);
    long id = awaitDeadLetter(report);

    discard(id, "{}").statusCode(422).body("errors.pointer", hasItem("/why"));
    // Text the database cannot store is refused before anything is sent or decided.
    discard(id, "{\"why\": \"a\\u0000b\"}").statusCode(422).body("errors.pointer", hasItem("/why"));
    redrive(id, TestTokens.admin(), "{\"note\": \"a\\u0000b\"}")
        .statusCode(422)
        .body("errors.pointer", hasItem("/note"));
    get(id, TestTokens.auditor()).statusCode(200).body("state", equalTo("open"));
    assertThat(deadLetters(report).getList("deadLetters")).hasSize(1);
    discard(id, "{\"why\": \"a test record\"}").statusCode(200).body("state", equalTo("discarded"));
    discard(id, "{\"why\": \"again\"}").statusCode(409);
    redrive(id, TestTokens.admin(), "{}").statusCode(409);
  }

  @Test
  void reDrivingByReasonSendsBackEveryOpenOneOfThatReason() {
    ObjectNode report = Pipeline.report("330402", "2024-05-13T09:00:00+08:00", 1);
    pipeline.raw("33", "report-filed", report.deepCopy().put("schemaVersion", 7).toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !deadLetters(report).getList("deadLetters").isEmpty());

    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"unknown-schema-version\", \"note\": \"v7 is v1 after all\"}")
        .post("/api/v1/dead-letters/redrive")
        .then()
        .statusCode(200)
        .body("redriven", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .accept("text/csv")
        .queryParam("state", "redriven")
        .get("/api/v1/dead-letters")
        .then()
        .statusCode(200)
        .body(containsString("unknown-schema-version"));
  }

  @Test
  void listingChecksItsParametersAndOfficesSeeNothing() {
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("state", "lost")
        .queryParam("limit", 5000)
        .get("/api/v1/dead-letters")
        .then()
        .statusCode(422)
        .body("errors.pointer", hasItem("/state"))
        .body("errors.pointer", hasItem("/limit"));
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .get("/api/v1/dead-letters")
        .then()
        .statusCode(403);
    given().get("/api/v1/dead-letters").then().statusCode(401);
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("reason", "a\u0000b")
        .get("/api/v1/dead-letters")
        .then()
        .statusCode(422)
        .body("errors.pointer", hasItem("/reason"));
    get(987654321L, TestTokens.auditor()).statusCode(404);
  }

  private static long awaitDeadLetter(ObjectNode report) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !deadLetters(report).getList("deadLetters").isEmpty());
    return deadLetters(report).getLong("deadLetters[0].id");
  }

  private static JsonPath deadLetters(ObjectNode report) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("reportId", report.get("reportId").asText())
        .get("/api/v1/dead-letters")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static io.restassured.response.ValidatableResponse get(long id, String token) {
    return given().auth().oauth2(token).get("/api/v1/dead-letters/" + id).then();
  }

  private static io.restassured.response.ValidatableResponse redrive(
      long id, String token, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/dead-letters/" + id + "/redrive")
        .then();
  }

  private static io.restassured.response.ValidatableResponse discard(long id, String body) {
    return given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/dead-letters/" + id + "/discard")
        .then();
  }
}
