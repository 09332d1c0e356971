package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.ingest.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values that are not exactly what the contract says are rejected, never coerced. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class StrictJsonTest {
  @TestHTTPResource("/api/v1/reports")
  URI reports;

  private static io.restassured.response.ValidatableResponse post(String body) {
    return postTo("/api/v1/reports", body);
  }

  private static io.restassured.response.ValidatableResponse postTo(String path, String body) {
    return given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(body)
        .post(path)
        .then();
  }

  /** The sample with one field's JSON text replaced. */
  private static String with(String field, String json) {
    String body = Samples.reportRequest().toString();
    return body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "\"" + field + "\":" + json);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "quantity|\"2\"",
        "quantity|2.0",
        "quantity|null",
        "quantity|true",
        "quantity|99999999999999999999",
        "beneficiaries|\"5\"",
        "beneficiaries|5.5",
        "regionCode|330402",
        "program|7",
        "reportId|\"not-a-uuid\"",
        "completedAt|\"2021-05-14 10:30\"",
        "completedAt|\"2021-05-14T10:30:00\"",
        "completedAt|\"2021-05-14T10:30+08:00\"",
        "completedAt|\"2021-05-14T10:30:00+08\"",
        "completedAt|\"2021-05-14T10:30:00+08:00:30\"",
        "completedAt|\"2021-05-14T10:30:00+0800\"",
        "completedAt|1620959400",
        "note|{}"
      })
  void rejectsAWrongTypeAt(String field, String json) {
    post(with(field, json))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].pointer", equalTo("/" + field));
    // The batch endpoint reads plain bodies its own way (ReportBatchDecoder); refusals are as ever.
    postBatch(batchWithSecond(field, json))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].pointer", equalTo("/reports/1/" + field));
  }

  /** What RFC 3339 allows beyond the common shape is read, by the mapper and the batch decoder. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-05-14t10:30:00z",
        "2021-05-14T10:30:00.5-03:00",
        "2021-05-14T10:30:00.123456789+05:45"
      })
  void readsEveryRfc3339Timestamp(String completedAt) {
    post(with("completedAt", "\"" + completedAt + "\"")).statusCode(202);
    postBatch(batchWithSecond("completedAt", "\"" + completedAt + "\"")).statusCode(202);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"quantity\": 1, \"quantity\": 2}",
        "{\"reportId\": ",
        "{} trailing",
        "{\"note\": \"unterminated",
        "{\"note\": \"bad escape \\q\"}"
      })
  void rejectsMalformedJsonAsBadRequest(String body) {
    post(body).statusCode(400).contentType("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"officeId", "filedBy", "receivedAt", "status", "schemaVersion"})
  void rejectsServerOwnedAndUnknownFields(String field) {
    String body = Samples.reportRequest().put(field, "x").toString();
    post(body).statusCode(422).body("errors[0].pointer", equalTo("/" + field));
  }

  @org.junit.jupiter.api.Test
  void rejectsOtherContentTypesAndOversizedBodies() {
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("text/plain")
        .body("hello")
        .post("/api/v1/reports")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body("{\"note\": \"" + "x".repeat(1_100_000) + "\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    // Larger than the HTTP layer's own limit: still a problem detail, not a bare 413.
    given()
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body("{\"reports\": [{\"note\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}]}")
        .post("/api/v1/reports/batch")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("/body-too-large"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    // HTTP/1.1 only: the client's default offers an h2c upgrade, which the refusal's closed
    // connection turns into a client-side error instead of the 413.
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            request.header("Authorization", "Bearer " + TestTokens.jiaxingOffice()).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void aBodyWithoutAContentTypeIsRefusedAndNotCounted(String type) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(reports)
            .POST(HttpRequest.BodyPublishers.ofString(Samples.reportRequest().toString()));
    if (!type.isEmpty()) {
      request.header("Content-Type", type);
    }
    HttpResponse<String> answer = send(request);
    org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(415);
    org.assertj.core.api.Assertions.assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
  }

  /** The filter that refuses it runs before any resource: a malformed language must not 500 it. */
  @Test
  void aBodyWithoutAContentTypeIsRefusedWhateverTheLanguageHeaderSays() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(reports)
                .header("Accept-Language", "zh-CN;q=x")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.reportRequest().toString())));
    org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(415);
    org.assertj.core.api.Assertions.assertThat(answer.body()).contains("\"status\":415");
  }

  @Test
  void aChunkedBodyLargerThanTheLargestEndpointTakesIsRefused() throws Exception {
    byte[] body =
        ("{\"reports\": [{\"note\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    // An input stream of unknown length: the client sends it chunked, without Content-Length.
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(reports + "/batch"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));
    org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(413);
  }

  /** A batch of two sample reports, the second's JSON text changed as {@link #with} does. */
  private static String batchWithSecond(String field, String json) {
    return "{\"reports\": [" + Samples.reportRequest() + ", " + with(field, json) + "]}";
  }

  private static io.restassured.response.ValidatableResponse postBatch(String body) {
    return postTo("/api/v1/reports/batch", body);
  }

  @Test
  void rejectsUnknownFieldsAndMalformedBatches() {
    String unknown = Samples.reportRequest().put("officeId", "x").toString();
    postBatch("{\"reports\": [" + unknown + "]}")
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/reports/0/officeId"));
    postBatch("{\"reports\": [{\"quantity\": 1, \"quantity\": 2}]}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("1"));
    postBatch("{\"reports\": []} trailing").statusCode(400);
    postBatch("").statusCode(422).body("errors[0].pointer", equalTo("/reports"));
  }
}
