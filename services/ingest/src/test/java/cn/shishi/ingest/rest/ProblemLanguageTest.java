package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.ingest.Samples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Problem details speak the caller's language (Accept-Language) in their title and detail, and keep
 * everything a program reads (type, status, pointers) the same in every language.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ProblemLanguageTest {

  private static RequestSpecification office(String language) {
    RequestSpecification request =
        given().auth().oauth2(TestTokens.jiaxingOffice()).contentType("application/json");
    return language == null ? request : request.header("Accept-Language", language);
  }

  private static JsonPath post(String language, String body, int status) {
    return office(language)
        .body(body)
        .post("/api/v1/reports")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .extract()
        .jsonPath();
  }

  private static String invalidReport() {
    ObjectNode body = Samples.reportRequest();
    body.put("quantity", 0);
    body.put("program", "no-such-program");
    return body.toString();
  }

  @Test
  void anInvalidReportIsExplainedInChineseToACallerWhoAsksForIt() {
    JsonPath chinese = post("zh-CN,zh;q=0.9,en;q=0.8", invalidReport(), 422);
    JsonPath english = post("en-GB", invalidReport(), 422);
    JsonPath unnamed = post(null, invalidReport(), 422);

    assertThat(chinese.getString("title")).isEqualTo("请求内容无效");
    assertThat(chinese.getString("detail")).isEqualTo("有 2 处填写有误，未作任何更改");
    assertThat(chinese.getList("errors.detail", String.class))
        .containsExactlyInAnyOrder(
            "未知的项目“no-such-program”，请查看 GET /api/v1/catalog", "须在 1 到 100,000 之间");
    assertThat(english.getString("title")).isEqualTo("Unprocessable Content");
    assertThat(english.getList("errors.detail", String.class))
        .contains("unknown program 'no-such-program'; see GET /api/v1/catalog");
    assertThat(unnamed.getString("detail")).isEqualTo(english.getString("detail"));

    for (String machineField : new String[] {"type", "status", "errors.pointer"}) {
      assertThat(chinese.getString(machineField))
          .as(machineField)
          .isEqualTo(english.getString(machineField));
    }
  }

  @Test
  void theFirstLanguageTheCallerRanksWins() {
    assertThat(post("en;q=1, zh-CN;q=0.5", invalidReport(), 422).getString("title"))
        .isEqualTo("Unprocessable Content");
    assertThat(post("fr, zh-TW;q=0.8, en;q=0.5", invalidReport(), 422).getString("title"))
        .isEqualTo("请求内容无效");
  }

  /** A weight that is no number must not turn the answer into a server error. */
  @Test
  void aMalformedWeightStillGetsTheProblemInTheLanguageNamedFirst() {
    assertThat(post("zh-CN;q=abc", invalidReport(), 422).getString("title")).isEqualTo("请求内容无效");
    assertThat(post("en;q=x, zh-CN", invalidReport(), 422).getString("title"))
        .isEqualTo("Unprocessable Content");
    given()
        .header("Accept-Language", "zh-CN;q=;;")
        .contentType("application/json")
        .body(invalidReport())
        .post("/api/v1/reports")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aWrongTypeNamesWhatWasExpectedNotTheServersInternals() {
    ObjectNode body = Samples.reportRequest();
    body.put("reportId", "not-a-uuid");
    for (String language : new String[] {"zh-CN", "en"}) {
      JsonPath problem = post(language, body.toString(), 422);
      String said = problem.getString("errors[0].detail");
      assertThat(problem.getString("errors[0].pointer")).isEqualTo("/reportId");
      assertThat(said).contains("UUID").doesNotContain("java.", "deserialize", "Cannot");
    }
    assertThat(post("zh-CN", body.toString(), 422).getString("errors[0].detail"))
        .startsWith("类型错误");
  }

  @Test
  void malformedJsonSaysWhereNotWhatTheParserThought() {
    JsonPath problem = post("zh-CN", "{\"reportId\": \n  tru", 400);
    assertThat(problem.getString("title")).isEqualTo("请求格式错误");
    assertThat(problem.getString("detail")).startsWith("请求内容不是有效的 JSON（第 2 行");
    assertThat(post("en", "{\"reportId\": \n  tru", 400).getString("detail"))
        .startsWith("the body is not valid JSON (line 2, column")
        .doesNotContain("Unrecognized token");
  }

  @Test
  void refusalsBeforeTheResourceAreInTheCallersLanguageToo() {
    given()
        .header("Accept-Language", "zh-CN")
        .contentType("application/json")
        .body(Samples.reportRequest().toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(401)
        .body("title", org.hamcrest.Matchers.equalTo("未认证"));
    office("zh-CN")
        .body("{\"note\": \"" + "x".repeat(1_100_000) + "\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(413)
        .body("detail", org.hamcrest.Matchers.startsWith("请求内容有 1,100,012 字节"));
  }
}
