package cn.shishi.aggregator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Codes no catalogue knows, written straight to the topic, are counted (the totals show them) but
 * add no metric series: each such code would otherwise add four to every scrape for good.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class CodeLabelsTest {
  @Inject MeterRegistry registry;

  @Test
  void codesTheCatalogueDoesNotKnowAreLabelledOther() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String program = "zz-program-" + suffix;
    String taskType = "zz-task-" + suffix;
    ObjectNode report = Pipeline.report("330402", "2024-06-01T09:00:00+08:00", 3);
    report.put("program", program).put("taskType", taskType);
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(report);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Pipeline.reports(Map.of("program", program)) == 1);
    BusinessGaugesProbe.refresh();

    assertThat(registry.getMeters())
        .as("series naming the unknown codes")
        .noneMatch(
            meter ->
                meter.getId().getTags().stream()
                    .anyMatch(
                        tag -> tag.getValue().equals(program) || tag.getValue().equals(taskType)));
    assertThat(
            registry
                .get("shishi.reports.processed")
                .tag("province", "33")
                .tag("program", CodeLabels.OTHER)
                .tag("outcome", "counted")
                .counter()
                .count())
        .isPositive();
    assertThat(BusinessGaugesProbe.reports("33", CodeLabels.OTHER)).isPositive();
  }
}
