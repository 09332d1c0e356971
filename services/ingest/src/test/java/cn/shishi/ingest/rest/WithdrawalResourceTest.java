package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.infra.ContractSamples;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class WithdrawalResourceTest {

  @Test
  void publishesAWithdrawalKeyedByTheOfficesCity() throws Exception {
    String reportId = UUID.randomUUID().toString();
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body("{\"reason\": \"filed twice under two ids by mistake\"}")
        .post("/api/v1/reports/" + reportId + "/withdrawal")
        .then()
        .statusCode(202)
        .body("status", equalTo("withdrawal-accepted"));

    ConsumerRecord<String, String> record = published(reportId);
    assertThat(record.key()).isEqualTo("3304");
    assertThat(
            new String(
                record.headers().lastHeader("shishi-event-type").value(), StandardCharsets.UTF_8))
        .isEqualTo("report-withdrawn");
    ObjectNode event = (ObjectNode) new ObjectMapper().readTree(record.value());
    ObjectNode sample = ContractSamples.reportWithdrawn();
    assertThat(event.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrderElementsOf(sample::fieldNames);
    assertThat(event.get("officeId").asText()).isEqualTo("jx-office-1");
    assertThat(event.get("officeRegion").asText()).isEqualTo("3304");
  }

  @Test
  void aWithdrawalNeedsAReason() {
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body("{\"reason\": \"  \"}")
        .post("/api/v1/reports/" + UUID.randomUUID() + "/withdrawal")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/reason"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "录入错误\\u0000",
        "\\u0301 a combining mark first",
        "a terminal escape \\u001b[2J",
        "a lone \\ud83d surrogate"
      })
  void aReasonThatIsNotPlainTextIsRefused(String reason) {
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body("{\"reason\": \"" + reason + "\"}")
        .post("/api/v1/reports/" + UUID.randomUUID() + "/withdrawal")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/reason"));
  }

  @Test
  void aReasonIsMeasuredAsSentBeforeItIsNormalised() {
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body("{\"reason\": \"" + "错".repeat(501) + "\"}")
        .post("/api/v1/reports/" + UUID.randomUUID() + "/withdrawal")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/reason"));
  }

  @Test
  void anOfficeWhoseIdTheLedgerCannotStoreIsRefusedBeforeAnythingIsPublished() {
    given()
        .auth()
        .oauth2(TestTokens.office("o".repeat(129), "3304"))
        .contentType("application/json")
        .body("{\"reason\": \"x\"}")
        .post("/api/v1/reports/" + UUID.randomUUID() + "/withdrawal")
        .then()
        .statusCode(403);
  }

  @Test
  void aColleagueWithdrawsForTheOfficeAndAnAdminForAnyOffice() throws Exception {
    String reportId = UUID.randomUUID().toString();
    given()
        .auth()
        .oauth2(TestTokens.clerk("jx-clerk-li", "jx-office-1", "3304"))
        .contentType("application/json")
        .body("{\"reason\": \"录入错误\"}")
        .post("/api/v1/reports/" + reportId + "/withdrawal")
        .then()
        .statusCode(202);
    String other = UUID.randomUUID().toString();
    adminWithdraws(
            "{\"reportId\": \""
                + other
                + "\", \"officeId\": \"nb-office-1\", \"regionCode\": \"330203\","
                + " \"reason\": \"filed with a stolen token\"}")
        .statusCode(202);
    adminWithdraws("{\"reportId\": \"" + other + "\", \"officeId\": \"nb-office-1\"}")
        .statusCode(422)
        .body("errors.pointer", org.hamcrest.Matchers.hasItems("/regionCode", "/reason"));

    ObjectNode byColleague = (ObjectNode) new ObjectMapper().readTree(published(reportId).value());
    assertThat(byColleague.get("officeId").asText()).isEqualTo("jx-office-1");
    assertThat(byColleague.get("filedBy").asText()).isEqualTo("jx-clerk-li");
    ConsumerRecord<String, String> record = published(other);
    assertThat(record.key()).isEqualTo("3302");
    ObjectNode byAdmin = (ObjectNode) new ObjectMapper().readTree(record.value());
    assertThat(byAdmin.get("officeId").asText()).isEqualTo("nb-office-1");
    assertThat(byAdmin.get("filedBy").asText()).isEqualTo("admin-1");
    assertThat(byAdmin.get("byAdmin").asBoolean()).isTrue();
  }

  /**
   * A province's office filed the report (key {@code 33}); the admin names that office's region, so
   * the withdrawal follows the report into its partition even before the report is counted.
   */
  @Test
  void anAdminsWithdrawalFollowsTheFilingOfficesReports() throws Exception {
    String reportId = UUID.randomUUID().toString();
    adminWithdraws(
            "{\"reportId\": \""
                + reportId
                + "\", \"officeId\": \"zj-office\", \"regionCode\": \"330402\","
                + " \"officeRegion\": \"33\", \"reason\": \"filed with a stolen token\"}")
        .statusCode(202);
    adminWithdraws(
            "{\"reportId\": \""
                + UUID.randomUUID()
                + "\", \"officeId\": \"hz-office\", \"regionCode\": \"330402\","
                + " \"officeRegion\": \"3301\", \"reason\": \"not its office\"}")
        .statusCode(422)
        .body("errors.pointer", org.hamcrest.Matchers.hasItem("/officeRegion"));

    ConsumerRecord<String, String> record = published(reportId);
    assertThat(record.key()).isEqualTo("33");
    assertThat(new ObjectMapper().readTree(record.value()).get("officeRegion").asText())
        .isEqualTo("33");
  }

  @Test
  void anOfficeWithoutARegionCannotWithdraw() {
    given()
        .auth()
        .oauth2(TestTokens.office("national", "00"))
        .contentType("application/json")
        .body("{\"reason\": \"x\"}")
        .post("/api/v1/reports/" + UUID.randomUUID() + "/withdrawal")
        .then()
        .statusCode(403);
  }

  /** POST {@code body} to the admins' withdrawals, as an admin. */
  private static ValidatableResponse adminWithdraws(String body) {
    return given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType("application/json")
        .body(body)
        .post("/api/v1/admin/withdrawals")
        .then();
  }

  /** The record the ingest published for {@code reportId} (Kafka acknowledged it: no waiting). */
  private static ConsumerRecord<String, String> published(String reportId) {
    try (TopicReader topic =
        new TopicReader(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports")) {
      return topic.find(reportId).get(0);
    }
  }
}
