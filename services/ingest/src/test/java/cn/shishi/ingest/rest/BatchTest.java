package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicFixture;
import cn.shishi.ingest.Samples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class BatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension final TopicFixture topic = TopicFixture.reports();

  private static ObjectNode batch(List<ObjectNode> reports) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("reports");
    reports.forEach(array::add);
    return body;
  }

  private static List<ObjectNode> reports(int n) {
    List<ObjectNode> reports = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      reports.add(Samples.reportRequest());
    }
    return reports;
  }

  private static io.restassured.response.ValidatableResponse post(ObjectNode body) {
    return given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(body.toString())
        .post("/api/v1/reports/batch")
        .then();
  }

  @Test
  void publishesAWholeValidBatch() {
    List<ObjectNode> reports = reports(250);
    post(batch(reports)).statusCode(202).body("accepted", equalTo(250));

    for (ObjectNode report : List.of(reports.get(0), reports.get(249))) {
      assertThat(topic.reader().find(report.get("reportId").asText())).hasSize(1);
    }
  }

  @Test
  void oneInvalidItemRejectsTheWholeBatchAndListsEveryProblemByPointer() {
    long before = topic.reader().endOffsetSum();
    List<ObjectNode> reports = reports(30);
    reports.get(3).put("quantity", 0);
    reports.get(17).put("taskType", "no-such-task");
    reports.get(17).put("regionCode", "12");
    reports.get(29).put("reportId", reports.get(28).get("reportId").asText());

    post(batch(reports))
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.pointer",
            containsInAnyOrder(
                "/reports/3/quantity",
                "/reports/17/taskType",
                "/reports/17/regionCode",
                "/reports/29/reportId"));

    assertThat(topic.reader().endOffsetSum()).isEqualTo(before);
  }

  @Test
  void aReportOutsideTheOfficesRegionForbidsTheWholeBatch() {
    long before = topic.reader().endOffsetSum();
    List<ObjectNode> reports = reports(3);
    reports.get(1).put("regionCode", "330281"); // 余姚, under 宁波, not 嘉兴

    post(batch(reports))
        .statusCode(403)
        .body("errors[0].pointer", equalTo("/reports/1/regionCode"));

    assertThat(topic.reader().endOffsetSum()).isEqualTo(before);
  }

  @Test
  void aBatchHoldsOneToAThousandReports() {
    post(batch(List.of())).statusCode(422).body("errors[0].pointer", equalTo("/reports"));
    post(JSON.createObjectNode()).statusCode(422).body("errors[0].pointer", equalTo("/reports"));
    post(batch(reports(1001))).statusCode(422).body("errors[0].pointer", equalTo("/reports"));
  }
}
