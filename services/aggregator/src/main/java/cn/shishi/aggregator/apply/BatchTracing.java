package cn.shishi.aggregator.apply;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A span for each batch applied, linked to the requests that filed its records: the ingest puts
 * each request's trace context in its records' headers ({@code traceparent}). One batch holds
 * records of many requests, so they are links, not parents; a batch request's records share one
 * context and give one link. The headers are read only when the span is recorded (the sampler keeps
 * none unless an operator asks), so an unsampled batch costs one span object.
 */
@ApplicationScoped
public class BatchTracing {
  /** OpenTelemetry's default limit of links per span; more would be dropped anyway. */
  static final int MAX_LINKS = 128;

  private static final TextMapGetter<Headers> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
          List<String> keys = new ArrayList<>();
          headers.forEach(header -> keys.add(header.key()));
          return keys;
        }

        @Override
        public String get(Headers headers, String key) {
          Header header = headers == null ? null : headers.lastHeader(key);
          return header == null || header.value() == null
              ? null
              : new String(header.value(), StandardCharsets.UTF_8);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  @Inject
  public BatchTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("shishi-aggregator");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** Starts the span of applying {@code records} (one partition group of a poll). */
  public Span start(String topic, List<ConsumerRecord<byte[], byte[]>> records) {
    Span span =
        tracer
            .spanBuilder(topic + " apply")
            .setSpanKind(SpanKind.CONSUMER)
            .setNoParent()
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", topic)
            .setAttribute("messaging.batch.message_count", records.size())
            .startSpan();
    if (span.isRecording()) {
      linkRequests(span, records);
    }
    return span;
  }

  private void linkRequests(Span span, List<ConsumerRecord<byte[], byte[]>> records) {
    Set<String> seen = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String parent = HEADERS.get(record.headers(), "traceparent");
      if (parent == null || !seen.add(parent)) {
        continue;
      }
      SpanContext request =
          Span.fromContext(propagator.extract(Context.root(), record.headers(), HEADERS))
              .getSpanContext();
      if (request.isValid()) {
        span.addLink(request);
      }
      if (seen.size() == MAX_LINKS) {
        return;
      }
    }
  }
}
