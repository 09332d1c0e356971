package cn.shishi.aggregator;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Test fixture: the spans the tests' aggregator records, kept in memory. As a SpanExporter bean it
 * also replaces the OTLP exporter in every test, so no test sends spans anywhere.
 */
public class RecordedSpans {
  @Produces
  @Singleton
  InMemorySpanExporter spans() {
    return InMemorySpanExporter.create();
  }
}
