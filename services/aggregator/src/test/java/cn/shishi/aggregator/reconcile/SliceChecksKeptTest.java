package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.audit.Actor;
import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each reconciliation found per slice outlives the instance, for the next start. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class SliceChecksKeptTest {
  private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");

  @Inject DataSource dataSource;
  @Inject ReconciliationService reconciliation;
  @Inject SliceCheckRepository checks;

  private final Pipeline pipeline = new Pipeline();

  @AfterEach
  void close() throws Exception {
    pipeline.close();
    execute("DELETE FROM reconciliation_slice_check WHERE slices = 7");
  }

  @Test
  void aSlicesCheckIsKeptWithWhatItFound() throws Exception {
    pipeline.file(Pipeline.report("350105", "2021-05-07T09:00:00+08:00", 2));
    Pipeline.awaitDrained();
    execute(
        "UPDATE rollup_shard SET beneficiaries = beneficiaries + 7"
            + " WHERE region_code = '350105' AND day = '2021-05-07'");
    try {
      ProvinceSlice fujian = ProvinceSlice.holding("35", 12);
      Reconciliation found = reconciliation.reconcile(fujian);

      assertThat(found.drift()).isPositive();
      assertThat(checks.load(12))
          .filteredOn(check -> check.slice().equals(fujian))
          .singleElement()
          .extracting(SliceCheck::driftCells)
          .isEqualTo(found.drift());
    } finally {
      Pipeline.rebuild();
    }
    reconciliation.reconcile(ProvinceSlice.holding("35", 12));
  }

  @Test
  void aRestartKnowsWhenEverySliceWasCheckedAfterOneCheckOfEverything() {
    reconciliation.reconcile(Actor.of("test"));

    assertThat(checks.load(12)).hasSize(12);
    List<Instant> checkedAt = reconciliation.restore();
    assertThat(checkedAt).hasSize(12).doesNotContain(Instant.MIN);
    assertThat(ReconciliationSchedule.first(checkedAt)).isNotEqualTo(ProvinceSlice.ALL);
  }

  @Test
  void anOlderCheckFinishingLaterDoesNotReplaceTheKeptOne() {
    ProvinceSlice slice = new ProvinceSlice(3, 7);
    checks.save(new SliceCheck(slice, T0.plusSeconds(60), 0));

    checks.save(new SliceCheck(slice, T0, 5));

    assertThat(checks.load(7)).containsExactly(new SliceCheck(slice, T0.plusSeconds(60), 0));
  }

  private void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
