package cn.shishi.aggregator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.aggregator.RandomReports;
import cn.shishi.aggregator.apply.BatchApplier;
import cn.shishi.aggregator.apply.BatchOutcome;
import cn.shishi.aggregator.apply.EventParser;
import cn.shishi.contract.EventConstraints;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TopicReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The figures an auditor relies on, checked against the ledger on thousands of reports. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class LedgerIntegrityTest {
  @Inject DataSource dataSource;
  @Inject BatchApplier applier;
  @Inject ObjectMapper json;
  @Inject EventConstraints constraints;
  @Inject MeterRegistry registry;
  @Inject ReconciliationService reconciliation;

  private final Pipeline pipeline = new Pipeline();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void aProvinceIsTheSumOfItsCitiesAndACityOfItsCountiesForAnyFilter() {
    RandomReports random = new RandomReports(1, LocalDate.parse("2021-06-01"), 10);
    List<ObjectNode> reports = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      reports.add(random.next());
    }
    pipeline.fileAll(reports);
    Pipeline.awaitDrained();

    List<Map<String, Object>> filters =
        List.of(
            Map.of("from", "2021-06-01", "to", "2021-06-10"),
            Map.of("from", "2021-06-03", "to", "2021-06-05", "program", "warm-nest"),
            Map.of("from", "2021-06-01", "to", "2021-06-10", "taskType", "lecture"));
    for (String province : List.of("33", "35", "11")) {
      for (Map<String, Object> filter : filters) {
        Map<String, Object> query = new HashMap<>(filter);
        query.put("province", province);
        // Quantities add up unit by unit: households to households, lectures to lectures.
        Map<String, Long> provinceTotal = perUnit(Pipeline.totals(query));
        query.put("groupBy", "city");
        Map<String, Long> sumOfCities = perUnit(Pipeline.totals(query));
        query.put("groupBy", "county");
        Map<String, Long> sumOfCounties = perUnit(Pipeline.totals(query));
        assertThat(provinceTotal).as("%s %s", province, filter).isNotEmpty();
        assertThat(sumOfCities).as("%s %s cities", province, filter).isEqualTo(provinceTotal);
        assertThat(sumOfCounties).as("%s %s counties", province, filter).isEqualTo(provinceTotal);
      }
    }
  }

  @Test
  void aRebuildFromTheLedgerEqualsTheIncrementalRollups() throws Exception {
    RandomReports random = new RandomReports(2, LocalDate.parse("2021-07-01"), 31);
    List<ObjectNode> sent = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      ObjectNode report = random.next();
      sent.add(report);
      if (random.chance(0.1)) {
        sent.add(report.deepCopy());
      }
      if (random.chance(0.02)) {
        sent.add(report.deepCopy().put("quantity", 77));
      }
    }
    pipeline.fileAll(sent);
    for (int i = 0; i < sent.size(); i += 20) {
      ObjectNode report = sent.get(i);
      String office = i % 40 == 0 ? "someone-else" : report.get("officeId").asText();
      pipeline.withdraw(
          Pipeline.withdrawal(report, office), report.get("regionCode").asText().substring(0, 2));
    }
    Pipeline.awaitDrained();

    List<String> incremental = rollupCells();
    Pipeline.rebuild();
    assertThat(rollupCells()).isEqualTo(incremental);
    assertThat(Pipeline.reconciliation().getBoolean("consistent")).isTrue();
  }

  @Test
  void reconciliationFindsATamperedCellAndARebuildRepairsIt() throws Exception {
    pipeline.file(Pipeline.report("350102", "2021-08-01T09:00:00+08:00", 3));
    Pipeline.awaitDrained();
    assertThat(Pipeline.reconciliation().getInt("drift")).isZero();

    execute(
        "UPDATE rollup_shard SET quantity = quantity + 1 WHERE region_code = '3501' AND day = '2021-08-01'");
    JsonPath report = Pipeline.reconciliation();
    assertThat(report.getBoolean("consistent")).isFalse();
    assertThat(report.getInt("drift")).isEqualTo(2);
    assertThat(report.getString("cells[0].period")).isEqualTo("day");
    assertThat(report.getString("cells[0].regionCode")).isEqualTo("3501");
    assertThat(report.getLong("cells[0].stored.quantity")).isEqualTo(4);
    assertThat(report.getLong("cells[0].fromLedger.quantity")).isEqualTo(3);
    // The month cell is right, but no longer the sum of its (tampered) day cells: it shows too.
    assertThat(report.getString("cells[1].period")).isEqualTo("month");
    assertThat(report.getString("cells[1].day")).isEqualTo("2021-08-01");
    assertThat(report.getLong("cells[1].stored.quantity")).isEqualTo(3);
    assertThat(report.getLong("cells[1].fromLedger.quantity")).isEqualTo(4);
    assertThat(registry.get("shishi.reconciliation.drift").gauge().value()).isEqualTo(2.0);

    Pipeline.rebuild();
    assertThat(Pipeline.reconciliation().getInt("drift")).isZero();
    assertThat(registry.get("shishi.reconciliation.drift").gauge().value()).isZero();
  }

  @Test
  void reconciliationFindsATamperedMonthCell() throws Exception {
    pipeline.file(Pipeline.report("350103", "2021-07-09T09:00:00+08:00", 2));
    Pipeline.awaitDrained();

    execute(
        "UPDATE rollup_month_shard SET reports = reports + 1"
            + " WHERE region_code = '350103' AND month = '2021-07-01'");
    JsonPath report = Pipeline.reconciliation();
    assertThat(report.getInt("drift")).isEqualTo(1);
    assertThat(report.getString("cells[0].period")).isEqualTo("month");
    assertThat(report.getString("cells[0].regionCode")).isEqualTo("350103");
    assertThat(report.getLong("cells[0].stored.reports"))
        .isEqualTo(report.getLong("cells[0].fromLedger.reports") + 1);

    Pipeline.rebuild();
    assertThat(Pipeline.reconciliation().getInt("drift")).isZero();
  }

  @Test
  void aScheduledSliceFindsTheDriftOfItsProvincesOnly() throws Exception {
    pipeline.file(Pipeline.report("350104", "2021-05-04T09:00:00+08:00", 2));
    Pipeline.awaitDrained();
    assertThat(reconciliation.reconcile(cn.shishi.aggregator.audit.Actor.of("test")).drift())
        .isZero();

    execute(
        "UPDATE rollup_shard SET beneficiaries = beneficiaries + 7"
            + " WHERE region_code = '350104' AND day = '2021-05-04'");
    execute("UPDATE province_total_shard SET quantity = quantity + 1 WHERE province_code = '35'");

    Reconciliation elsewhere = reconciliation.reconcile(ProvinceSlice.holding("33", 12));
    assertThat(elsewhere.cells()).isEmpty();
    assertThat(registry.get("shishi.reconciliation.drift").gauge().value()).isZero();

    Reconciliation fujian = reconciliation.reconcile(ProvinceSlice.holding("35", 12));
    assertThat(fujian.cells())
        .extracting(cell -> cell.period() + " " + cell.cell().regionCode())
        .contains("day 350104", "month 350104", "all-time 35")
        .allMatch(cell -> cell.endsWith(" 350104") || cell.endsWith(" 35"));
    assertThat(registry.get("shishi.reconciliation.drift").gauge().value())
        .isEqualTo(fujian.drift());

    Pipeline.rebuild();
    assertThat(reconciliation.reconcile(ProvinceSlice.holding("35", 12)).drift()).isZero();
    assertThat(registry.get("shishi.reconciliation.drift").gauge().value()).isZero();
  }

  @Test
  void redeliveringTheWholeTopicChangesNoTotal() throws Exception {
    pipeline.file(Pipeline.report("330281", "2021-09-01T09:00:00+08:00", 2));
    Pipeline.awaitDrained();
    List<String> before = rollupCells();

    List<ConsumerRecord<byte[], byte[]>> records;
    try (TopicReader reader =
        new TopicReader(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports")) {
      records = reader.readAllBytes();
    }
    BatchOutcome outcome =
        applier.apply(new EventParser(json, constraints).parse("task-reports", records));

    assertThat(outcome.alreadyApplied()).isEqualTo(records.size());
    assertThat(outcome.counted()).isZero();
    assertThat(rollupCells()).isEqualTo(before);
  }

  /** The rows' quantities, added up per unit. */
  private static Map<String, Long> perUnit(JsonPath totals) {
    Map<String, Long> byUnit = new java.util.TreeMap<>();
    for (Map<String, Number> quantities : totals.<Map<String, Number>>getList("rows.quantities")) {
      quantities.forEach((unit, quantity) -> byUnit.merge(unit, quantity.longValue(), Long::sum));
    }
    return byUnit;
  }

  private List<String> rollupCells() throws Exception {
    List<String> cells = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT 'day', region_code, day, program, task_type, reports, quantity,"
                    + " beneficiaries FROM rollup"
                    + " WHERE reports <> 0 OR quantity <> 0 OR beneficiaries <> 0"
                    + " UNION ALL SELECT 'month', region_code, month, program, task_type, reports,"
                    + " quantity, beneficiaries FROM rollup_month"
                    + " WHERE reports <> 0 OR quantity <> 0 OR beneficiaries <> 0"
                    + " ORDER BY 1, 2, 3, 4, 5")) {
      while (rows.next()) {
        cells.add(
            String.join(
                "|",
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8)));
      }
    }
    return cells;
  }

  private void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
