package cn.shishi.console.downstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.console.ConsoleSessions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A page's calls to the services behind it carry its trace (W3C traceparent), so that a filing has
 * one trace id in the console, the ingest and its records; what a browser sends besides the trace
 * context stays with the console.
 */
@QuarkusTest
@WithTestResource(DownstreamStub.class)
class TracePropagationTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Pattern TRACE_PARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

  @ConfigProperty(name = "quarkus.rest-client.aggregator.url")
  String stub;

  @Test
  void aPageCallsTheServicesInTheTraceItWasAskedIn() {
    String session = ConsoleSessions.officeClerk("330402");
    int before = calls().size();

    openReports(
        given()
            .cookie("shishi_dev_session", session)
            .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
            .header("baggage", "office=" + "x".repeat(200)));

    List<String> made = callsSince(before);
    assertThat(made)
        .as("the page called the ingest's catalogue and the aggregator's office pages")
        .anyMatch(call -> call.startsWith("GET /api/v1/catalog/"))
        .anyMatch(call -> call.startsWith("GET /api/v1/office/"));
    for (String call : made) {
      String[] parts = call.split(" ");
      Matcher trace = TRACE_PARENT.matcher(parts[2]);
      assertThat(trace.matches()).as("a traceparent on " + call).isTrue();
      assertThat(trace.group(1)).as("the browser's trace").isEqualTo(TRACE_ID);
      assertThat(trace.group(2)).as("the console's own span").isNotEqualTo("00f067aa0ba902b7");
      assertThat(parts[3]).as("the browser's baggage stays with the console").isEqualTo("-");
    }
  }

  @Test
  void aPageAskedWithoutATraceStartsOneForItsCalls() {
    String session = ConsoleSessions.officeClerk("330402");
    int before = calls().size();

    openReports(given().cookie("shishi_dev_session", session));

    List<String> made = callsSince(before);
    assertThat(made).hasSizeGreaterThan(1);
    String trace = made.get(0).split(" ")[2];
    assertThat(trace).matches(TRACE_PARENT).doesNotContain("0".repeat(32));
    assertThat(made)
        .as("one trace for all of the page's calls")
        .allSatisfy(call -> assertThat(call.split(" ")[2]).startsWith(trace.substring(0, 35)));
  }

  /** The list of the office's reports, which the stand-in aggregator refuses (503). */
  private static void openReports(RequestSpecification request) {
    request.redirects().follow(false).get("/reports").then().statusCode(503);
  }

  private List<String> calls() {
    String listed = given().get(stub + "/stub/calls").then().statusCode(200).extract().asString();
    return listed.isEmpty() ? List.of() : Arrays.asList(listed.split("\n"));
  }

  private List<String> callsSince(int before) {
    List<String> all = calls();
    return all.subList(before, all.size());
  }
}
