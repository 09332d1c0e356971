package cn.shishi.aggregator.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.apply.DeadLetter;
import cn.shishi.aggregator.apply.DeadLetterWriter;
import cn.shishi.aggregator.apply.RecordCopy;
import cn.shishi.aggregator.apply.RecordPosition;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A dead letter written by the batch's writer and read back by the repository, bytes and all. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class DeadLetterRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  @Inject DeadLetterWriter writer;
  @Inject DeadLetterRepository letters;
  @Inject DataSource dataSource;

  @Test
  void keepsTheRecordWholeAndItsDecision() {
    UUID reportId = UUID.randomUUID();
    byte[] value = {'{', (byte) 0xFF, 0, '}'};
    RecordCopy record =
        new RecordCopy(
            "task-reports",
            5,
            9_876_543,
            new byte[] {'3', '3'},
            value,
            List.of(
                new RecordCopy.Header("shishi-event-type", "report-filed".getBytes()),
                new RecordCopy.Header("empty", null),
                new RecordCopy.Header("shishi-redrive-of", "not a number".getBytes())),
            Long.MAX_VALUE);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                writer.record(
                    List.of(
                        new DeadLetter(
                            new RecordPosition(5, 9_876_543),
                            DeadLetter.INVALID,
                            "regionCode 33\u0000 is not known",
                            reportId,
                            record)),
                    NOW));

    StoredDeadLetter kept = only(reportId);
    assertThat(kept.payload()).isEqualTo(value);
    assertThat(kept.key()).isEqualTo(new byte[] {'3', '3'});
    assertThat(kept.headers()).hasSize(3);
    assertThat(new String(kept.headers().get(0).name())).isEqualTo("shishi-event-type");
    assertThat(kept.headers().get(1).value()).isNull();
    assertThat(kept.timestamp()).isEqualTo(Long.MAX_VALUE);
    assertThat(kept.detail())
        .as("stored without the NUL")
        .isEqualTo("regionCode 33\uFFFD is not known");
    assertThat(kept.redrivenFrom()).isNull();
    assertThat(kept.state()).isEqualTo(StoredDeadLetter.State.OPEN);
    assertThat(kept.publishedAt()).isNull();

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                letters.resolve(
                    kept.id(), StoredDeadLetter.State.DISCARDED, "admin-1", "a test", null, NOW));
    assertThat(only(reportId).state()).isEqualTo(StoredDeadLetter.State.DISCARDED);
    assertThat(only(reportId).resolvedBy()).isEqualTo("admin-1");
    // Written by hand, outside the ledger's chains: it must not stay for the chain checks.
    Pipeline.sql(dataSource, "DELETE FROM dead_letter WHERE report_id = '" + reportId + "'");
  }

  private StoredDeadLetter only(UUID reportId) {
    List<StoredDeadLetter> found =
        letters.list(
            new DeadLetterRepository.Filter(
                Optional.empty(), Optional.empty(), Optional.of(reportId), Optional.empty()),
            10);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
