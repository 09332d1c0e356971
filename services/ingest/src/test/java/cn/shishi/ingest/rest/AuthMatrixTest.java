package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.infra.DevTokens;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.ingest.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint against every kind of bad token: 401 or 403, always a problem detail. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class AuthMatrixTest {

  /** An endpoint: method, path, a valid body, and the role it needs (null: any). */
  record Endpoint(String method, String path, String body, String role) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Endpoint> endpoints() {
    String report = Samples.reportRequest().toString();
    return List.of(
        new Endpoint("POST", "/api/v1/reports", report, "office"),
        new Endpoint("POST", "/api/v1/reports/batch", "{\"reports\": [" + report + "]}", "office"),
        new Endpoint(
            "POST",
            "/api/v1/reports/" + UUID.randomUUID() + "/withdrawal",
            "{\"reason\": \"x\"}",
            "office"),
        new Endpoint("GET", "/api/v1/catalog/programs", null, null),
        new Endpoint("GET", "/api/v1/catalog/task-types", null, null),
        new Endpoint("GET", "/api/v1/catalog/regions?parent=33", null, null),
        new Endpoint("PUT", "/api/v1/catalog/programs/matrix-test", "{\"name\": \"x\"}", "admin"),
        new Endpoint("PUT", "/api/v1/catalog/task-types/matrix-test", "{\"name\": \"x\"}", "admin"),
        new Endpoint(
            "POST",
            "/api/v1/admin/withdrawals",
            "{\"reportId\": \""
                + UUID.randomUUID()
                + "\", \"officeId\": \"jx-office-1\", \"regionCode\": \"330402\","
                + " \"reason\": \"filed with a stolen token\"}",
            "admin"));
  }

  static Stream<Arguments> unauthenticated() {
    return endpoints().stream()
        .flatMap(
            endpoint ->
                Stream.of(
                    Arguments.of(endpoint, "no token", null),
                    Arguments.of(endpoint, "expired", office().expired().mint()),
                    Arguments.of(endpoint, "not yet valid", office().notYetValid().mint()),
                    Arguments.of(endpoint, "bad signature", office().signedByStranger().mint()),
                    Arguments.of(endpoint, "alg none", office().unsigned().mint()),
                    Arguments.of(
                        endpoint, "wrong issuer", office().issuer("https://evil.example").mint()),
                    Arguments.of(
                        endpoint, "wrong audience", office().audience("someone-else").mint()),
                    Arguments.of(endpoint, "garbage", "not.a.jwt")));
  }

  private static DevTokens office() {
    return DevTokens.token("jx-office-1", "office", "3304");
  }

  private static RequestSpecification request(Endpoint endpoint, String token) {
    RequestSpecification request = given().contentType("application/json");
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    if (endpoint.body() != null) {
      request = request.body(endpoint.body());
    }
    return request;
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("unauthenticated")
  void refusesABadTokenWith401(Endpoint endpoint, String kind, String token) {
    request(endpoint, token)
        .request(endpoint.method(), endpoint.path())
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer");
  }

  static Stream<Arguments> wrongRole() {
    return endpoints().stream()
        .filter(endpoint -> endpoint.role() != null)
        .map(
            endpoint ->
                Arguments.of(
                    endpoint,
                    DevTokens.token(
                            "x", endpoint.role().equals("office") ? "manager" : "office", "3304")
                        .mint()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongRole")
  void refusesTheWrongRoleWith403(Endpoint endpoint, String token) {
    request(endpoint, token)
        .request(endpoint.method(), endpoint.path())
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  static Stream<Arguments> reportEndpoints() {
    return endpoints().stream()
        .filter(e -> e.method().equals("POST") && !e.path().contains("withdrawal"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reportEndpoints")
  void refusesAReportOutsideTheOfficesRegionWith403(Endpoint endpoint) {
    request(endpoint, DevTokens.token("nb-office", "office", "3302").mint())
        .request(endpoint.method(), endpoint.path())
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://shishi.example.cn/problems/outside-region"));
  }
}
