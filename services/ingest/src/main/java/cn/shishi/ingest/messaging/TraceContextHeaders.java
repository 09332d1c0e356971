package cn.shishi.ingest.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The request's trace context as a record header (W3C {@code traceparent}), so that the batch which
 * applies a report links back to the request that filed it (docs/events.md). Computed once per
 * request: every record of a batch request carries the same context. Only {@code traceparent}, 55
 * bytes: a caller's {@code tracestate} and {@code baggage} are the caller's to send, up to
 * kilobytes, and would be kept with every record for as long as the topic and the dead letters keep
 * it.
 */
@ApplicationScoped
public class TraceContextHeaders {
  /** For tests of the publisher alone: no trace context. */
  static final TraceContextHeaders NONE = new TraceContextHeaders(TextMapPropagator.noop());

  private static final String TRACE_PARENT = "traceparent";

  private final TextMapPropagator propagator;

  @Inject
  public TraceContextHeaders(OpenTelemetry openTelemetry) {
    this(openTelemetry.getPropagators().getTextMapPropagator());
  }

  TraceContextHeaders(TextMapPropagator propagator) {
    this.propagator = propagator;
  }

  /** The header that carries the current context; none outside a trace. */
  List<Header> current() {
    List<Header> headers = new ArrayList<>(1);
    propagator.inject(
        Context.current(),
        headers,
        (carrier, name, value) -> {
          if (TRACE_PARENT.equals(name)) {
            carrier.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
          }
        });
    return headers;
  }
}
