package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A report's trace reaches the aggregator: the record carries the filing request's trace context,
 * as the ingest writes it (its TracePropagationTest), and the span of the batch that applies the
 * record links to that request's span.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class BatchTracingTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String REQUEST_SPAN_ID = "00f067aa0ba902b7";

  private final Pipeline pipeline = new Pipeline();

  @Inject InMemorySpanExporter spans;

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void theBatchThatAppliesAReportLinksToTheRequestThatFiledIt() {
    var report = Pipeline.report("330402", "2021-07-21T09:00:00+08:00", 1);
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader("shishi-event-type", bytes("report-filed")));
    headers.add(
        new RecordHeader("traceparent", bytes("00-" + TRACE_ID + "-" + REQUEST_SPAN_ID + "-01")));
    pipeline.raw(bytes("33"), headers, bytes(report.toString()));

    LinkData link =
        await("the applying batch's span, linked to the filing request")
            .atMost(Duration.ofSeconds(30))
            .until(this::linkToTheRequest, found -> found != null);
    assertThat(link.getSpanContext().getSpanId()).isEqualTo(REQUEST_SPAN_ID);
    assertThat(link.getSpanContext().isRemote()).isTrue();
  }

  private LinkData linkToTheRequest() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    for (SpanData span : finished) {
      if (span.getName().equals("task-reports apply") && span.getKind() == SpanKind.CONSUMER) {
        for (LinkData link : span.getLinks()) {
          if (link.getSpanContext().getTraceId().equals(TRACE_ID)) {
            assertThat(span.getTraceId()).as("a trace of its own").isNotEqualTo(TRACE_ID);
            return link;
          }
        }
      }
    }
    return null;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
