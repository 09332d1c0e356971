package cn.shishi.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicReader;
import cn.shishi.ingest.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The request's trace goes with its reports to Kafka: each record carries the trace context of the
 * request that filed it (W3C traceparent), so that the aggregator's batch links back to it
 * (BatchTracingTest there).
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class TracePropagationTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final Pattern TRACE_PARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

  @Test
  void aReportCarriesTheTraceOfTheRequestThatFiledIt() {
    String reportId = UUID.randomUUID().toString();
    file(
        given()
            .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
            .header("tracestate", "office=" + "x".repeat(200))
            .header("baggage", "office=jx,size=" + "y".repeat(200)),
        reportId);

    var matcher = TRACE_PARENT.matcher(traceParentOf(reportId));
    assertThat(matcher.matches()).isTrue();
    assertThat(matcher.group(1)).as("the caller's trace").isEqualTo(TRACE_ID);
    assertThat(matcher.group(2)).as("the ingest's own span in it").isNotEqualTo("b7ad6b7169203331");
    assertThat(recordOf(reportId).headers().headers("tracestate"))
        .as("the caller's own trace state stays out of the records")
        .isEmpty();
    assertThat(recordOf(reportId).headers().headers("baggage")).isEmpty();
  }

  @Test
  void aRequestWithoutATraceStartsOne() {
    String reportId = UUID.randomUUID().toString();
    file(given(), reportId);

    assertThat(traceParentOf(reportId)).matches(TRACE_PARENT).doesNotContain("-" + "0".repeat(32));
  }

  /** Files a report of a Jiaxing office with {@code request}'s headers; expects 202. */
  private static void file(RequestSpecification request, String reportId) {
    request
        .auth()
        .oauth2(TestTokens.jiaxingOffice())
        .contentType("application/json")
        .body(Samples.reportRequest().put("reportId", reportId).toString())
        .post("/api/v1/reports")
        .then()
        .statusCode(202);
  }

  private static String traceParentOf(String reportId) {
    Header header = recordOf(reportId).headers().lastHeader("traceparent");
    assertThat(header).as("a traceparent header").isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<String, String> recordOf(String reportId) {
    try (TopicReader topic =
        new TopicReader(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports")) {
      List<ConsumerRecord<String, String>> records = topic.find(reportId);
      assertThat(records).hasSize(1);
      return records.get(0);
    }
  }
}
