package cn.shishi.aggregator.query;

import cn.shishi.infra.ApiDocs;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/api.md documents every path the OpenAPI document has, and the other way round. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class OpenApiTest {
  @TestHTTPResource(value = "/openapi", management = true)
  URL openapi;

  @Test
  void everyPathIsDocumentedAndTheHealthAndMetricsNeedNoToken() {
    ApiDocs.check(
        openapi,
        List.of(
            "/api/v1/totals",
            "/api/v1/totals/stream",
            "/api/v1/regions/{code}/totals",
            "/api/v1/reports/{reportId}",
            "/api/v1/audit/reconciliation"));
  }
}
