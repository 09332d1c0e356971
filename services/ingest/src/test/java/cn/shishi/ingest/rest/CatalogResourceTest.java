package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.ingest.Samples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class CatalogResourceTest {

  @Test
  void anyCallerCanReadTheCodesWithTheirChineseNames() {
    given()
        .auth()
        .oauth2(TestTokens.manager("33"))
        .get("/api/v1/catalog/programs")
        .then()
        .statusCode(200)
        .body("find { it.code == 'warm-nest' }.name", equalTo("暖巢行动"))
        .body("find { it.code == 'warm-nest' }", not(hasKey("unit")));
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .get("/api/v1/catalog/task-types")
        .then()
        .statusCode(200)
        .body("code", hasItem("household-visit"))
        .body("find { it.code == 'household-visit' }.unit", equalTo("户"));
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .queryParam("parent", "3304")
        .get("/api/v1/catalog/regions")
        .then()
        .statusCode(200)
        .body("find { it.code == '330402' }.name", equalTo("南湖区"));
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .get("/api/v1/catalog/regions")
        .then()
        .statusCode(200)
        .body("$", hasSize(34))
        .body("find { it.shortCode == '33' }.code", equalTo("330000"));
  }

  @Test
  void anAdminAddsAProgramThatOfficesCanUseAtOnce() {
    ObjectNode report = Samples.reportRequest().put("program", "clean-rivers");
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(report.toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(422);

    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType("application/json")
        .body("{\"name\": \"河长制 清河行动\", \"description\": \"River chiefs\"}")
        .put("/api/v1/catalog/programs/clean-rivers")
        .then()
        .statusCode(200)
        .body("name", equalTo("河长制 清河行动"));

    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(report.toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(202);
  }

  @Test
  void onlyAnAdminChangesTheCatalogue() {
    given()
        .auth()
        .oauth2(TestTokens.manager("00"))
        .contentType("application/json")
        .body("{\"name\": \"x\"}")
        .put("/api/v1/catalog/programs/sneaky")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType("application/json")
        .body("{\"name\": \"x\"}")
        .put("/api/v1/catalog/programs/Bad_Code")
        .then()
        .statusCode(422);
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType("application/json")
        .body("{\"name\": \"入户走访\", \"unit\": \"户 次\"}")
        .put("/api/v1/catalog/task-types/home-visit")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/unit"));
  }

  /**
   * What PostgreSQL cannot store (NUL) or a screen cannot show sensibly never enters the catalogue:
   * the aggregator's labels and log of actions would stop on it.
   */
  @Test
  void namesAndDescriptionsArePlainText() {
    putTaskType("bad-text", "{\"name\": \"坏\\u0000名\", \"unit\": \"户\"}")
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/name"));
    putTaskType("bad-text", "{\"name\": \"两\\n行\", \"unit\": \"户\"}")
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/name"));
    putTaskType("bad-text", "{\"name\": \"好\", \"description\": \"x\\u0000y\", \"unit\": \"户\"}")
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/description"));
    putTaskType(
            "bad-text",
            "{\"name\": \"好\", \"description\": \"" + "长".repeat(501) + "\", \"unit\": \"户\"}")
        .statusCode(422)
        .body("errors[0].detail", equalTo("须为纯文本，不超过 500 个字符"));
  }

  /** A kind of task counts in one unit for ever (ADR 0009); a program has none. */
  @Test
  void aKindOfTaskNeedsAUnitAndKeepsIt() {
    putTaskType("home-repair", "{\"name\": \"适老化改造\"}").statusCode(422);
    putTaskType("home-repair", "{\"name\": \"适老化改造\", \"unit\": \"户\"}").statusCode(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                putTaskType("home-repair", "{\"name\": \"适老化改造\", \"unit\": \"件\"}")
                    .statusCode(409)
                    .body("type", equalTo("https://shishi.example.cn/problems/unit-fixed")));
    putTaskType("home-repair", "{\"name\": \"居家适老化改造\", \"unit\": \"户\"}").statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .contentType("application/json")
        .body("{\"name\": \"x\", \"unit\": \"户\"}")
        .put("/api/v1/catalog/programs/unit-less")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/unit"));
  }

  private static io.restassured.response.ValidatableResponse putTaskType(String code, String body) {
    return given()
        .auth()
        .oauth2(TestTokens.admin())
        .header("Accept-Language", "zh-CN")
        .contentType("application/json")
        .body(body)
        .put("/api/v1/catalog/task-types/" + code)
        .then();
  }
}
