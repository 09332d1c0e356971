package cn.shishi.aggregator.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ApiDocs;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/api.md documents every path the OpenAPI document has, and the other way round. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class OpenApiTest {
  @TestHTTPResource(value = "/openapi", management = true)
  URL openapi;

  @Test
  void everyPathIsDocumentedAndTheHealthAndMetricsNeedNoToken() throws Exception {
    Map<String, Object> paths =
        given()
            .queryParam("format", "json")
            .get(openapi)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");

    assertThat(paths.keySet())
        .contains(
            "/api/v1/totals",
            "/api/v1/totals/stream",
            "/api/v1/regions/{code}/totals",
            "/api/v1/reports/{reportId}",
            "/api/v1/audit/reconciliation");
    assertThat(ApiDocs.undocumented(paths.keySet())).isEmpty();
    given().get(new URL(openapi, "/q/health/ready")).then().statusCode(200);
    given().get(new URL(openapi, "/q/metrics")).then().statusCode(200);
  }
}
