package cn.shishi.aggregator.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** Each partition's offset row keeps the receive time it has been applied through. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class AppliedThroughTest {
  @Inject TotalsRepository totals;

  @Test
  void aPartitionIsAppliedThroughTheReceiveTimeOfItsLatestReport() {
    Instant newer = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant older = newer.minus(Duration.ofHours(1));
    RecordMetadata written;
    try (Pipeline pipeline = new Pipeline()) {
      ObjectNode first = Pipeline.report("450102", "2024-03-01T09:00:00+08:00", 1);
      first.put("receivedAt", newer.toString());
      ObjectNode second = Pipeline.report("450102", "2024-03-01T09:00:00+08:00", 1);
      // Another ingest instance's clock may lag: the partition stays applied through the newer.
      second.put("receivedAt", older.toString());
      pipeline.file(first);
      written = pipeline.file(second);
    }
    Pipeline.awaitDrained();

    assertThat(totals.appliedThrough("task-reports", Set.of(written.partition()))).hasValue(newer);
  }

  @Test
  void aReceiveTimeAheadOfTheAggregatorsClockIsNoProgress() {
    ObjectNode believable = Pipeline.report("330402", "2024-03-01T09:00:00+08:00", 1);
    ObjectNode ahead = Pipeline.report("330402", "2024-03-01T09:00:00+08:00", 1);
    ahead.put("receivedAt", "2099-01-01T00:00:00Z");
    RecordMetadata written;
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(believable);
      written = pipeline.file(ahead);
    }
    Pipeline.awaitDrained();
    Instant before = Instant.now();

    assertThat(totals.appliedThrough("task-reports", Set.of(written.partition())))
        .hasValueSatisfying(through -> assertThat(through).isBefore(before));
  }
}
