package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.infra.ShishiInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class WithdrawalTest {
  @Inject DataSource dataSource;

  private final Pipeline pipeline = new Pipeline();

  @AfterEach
  void close() {
    pipeline.close();
  }

  private static Map<String, Object> day(String day) {
    return Map.of("from", day, "to", day);
  }

  @Test
  void theFilingOfficeWithdrawsAReportFromEveryTotal() throws Exception {
    ObjectNode report = Pipeline.report("330402", "2021-04-01T09:00:00+08:00", 4);
    pipeline.file(report);
    pipeline.file(Pipeline.report("330402", "2021-04-01T10:00:00+08:00", 1));
    pipeline.withdraw(Pipeline.withdrawal(report, "jx-office-1"), "33");
    Pipeline.awaitDrained();

    assertThat(Pipeline.totals(day("2021-04-01")).getLong("rows[0].quantity")).isEqualTo(1);
    assertThat(
            Pipeline.reports(Map.of("from", "2021-04-01", "to", "2021-04-01", "county", "330402")))
        .isEqualTo(1);
    assertThat(Pipeline.reports(Map.of("from", "2021-04-01", "to", "2021-04-01", "city", "3304")))
        .isEqualTo(1);
    assertThat(outcomes(report)).containsExactly("APPLIED");
    assertThat(status(report)).isEqualTo("WITHDRAWN");
  }

  @Test
  void anotherOfficeASecondWithdrawalAndAnUnknownReportChangeNothing() throws Exception {
    ObjectNode report = Pipeline.report("330402", "2021-04-02T09:00:00+08:00", 4);
    pipeline.file(report);
    pipeline.withdraw(Pipeline.withdrawal(report, "someone-else"), "33");
    ObjectNode unknown = Pipeline.report("330402", "2021-04-02T09:00:00+08:00", 1);
    pipeline.withdraw(Pipeline.withdrawal(unknown, "jx-office-1"), "33");
    pipeline.withdraw(Pipeline.withdrawal(report, "jx-office-1"), "33");
    pipeline.withdraw(Pipeline.withdrawal(report, "jx-office-1"), "33");
    Pipeline.awaitDrained();

    assertThat(Pipeline.reports(day("2021-04-02"))).isZero();
    assertThat(details(report))
        .containsExactly("filed by another office", null, "already withdrawn");
    assertThat(details(unknown)).containsExactly("unknown report");
  }

  @Test
  void aColleagueOfTheOfficeAndAnAdminMayWithdrawItsReports() throws Exception {
    ObjectNode first = Pipeline.report("330402", "2024-07-01T09:00:00+08:00", 3);
    first.put("filedBy", "jx-clerk-wang");
    ObjectNode second = Pipeline.report("330402", "2024-07-01T10:00:00+08:00", 5);
    pipeline.file(first);
    pipeline.file(second);
    ObjectNode byColleague =
        Pipeline.withdrawal(first, "jx-office-1").put("filedBy", "jx-clerk-li");
    ObjectNode byAdmin =
        Pipeline.withdrawal(second, "jx-office-1").put("filedBy", "admin-1").put("byAdmin", true);
    pipeline.withdraw(byColleague, "33");
    pipeline.withdraw(byAdmin, "33");
    Pipeline.awaitDrained();

    assertThat(Pipeline.reports(day("2024-07-01"))).isZero();
    assertThat(outcomes(first)).containsExactly("APPLIED");
    assertThat(outcomes(second)).containsExactly("APPLIED");
    assertThat(Pipeline.ledgerTrace(first).getString("withdrawals[0].filedBy"))
        .isEqualTo("jx-clerk-li");
    assertThat(Pipeline.ledgerTrace(second).getBoolean("withdrawals[0].byAdmin")).isTrue();
    assertThat(Pipeline.ledgerTrace(first).getString("report.filedBy")).isEqualTo("jx-clerk-wang");
  }

  @Test
  void theSameIdFromTwoOfficesIsTwoReportsAndNeitherTakesTheOther() throws Exception {
    ObjectNode jiaxing = Pipeline.report("330402", "2024-07-02T09:00:00+08:00", 2);
    ObjectNode ningbo =
        Pipeline.report("330203", "2024-07-02T09:00:00+08:00", 7).put("officeId", "nb-office-1");
    ningbo.put("reportId", jiaxing.get("reportId").asText());
    // Whichever arrives first, both count: the id is unique within an office only.
    pipeline.file(ningbo);
    pipeline.file(jiaxing);
    pipeline.withdraw(Pipeline.withdrawal(jiaxing, "nb-office-1"), "33");
    Pipeline.awaitDrained();

    assertThat(Pipeline.reports(day("2024-07-02"))).isEqualTo(1);
    assertThat(Pipeline.totals(day("2024-07-02")).getLong("rows[0].quantity")).isEqualTo(2);
    assertThat(Pipeline.ledgerTrace(jiaxing, "jx-office-1").getString("status"))
        .isEqualTo("counted");
    assertThat(Pipeline.ledgerTrace(jiaxing, "nb-office-1").getString("status"))
        .isEqualTo("withdrawn");
    assertThat(Pipeline.ledgerTrace(jiaxing, "jx-office-1").getList("otherOffices"))
        .containsExactly("nb-office-1");
  }

  @Test
  void aWithdrawalAppliedBeforeItsReportArrivesIsRefusedAndTheReportCounts() throws Exception {
    ObjectNode report = Pipeline.report("330402", "2021-04-03T09:00:00+08:00", 4);
    pipeline.withdraw(Pipeline.withdrawal(report, "jx-office-1"), "33");
    Pipeline.awaitDrained();
    pipeline.file(report);
    Pipeline.awaitDrained();

    assertThat(Pipeline.reports(day("2021-04-03"))).isEqualTo(1);
    assertThat(details(report)).containsExactly("unknown report");
  }

  @Test
  void aWithdrawalAheadOfItsReportInOneTransactionIsRefusedAndTheReportCounts() throws Exception {
    ObjectNode report = Pipeline.report("330402", "2021-04-04T09:00:00+08:00", 4);
    List<RecordMetadata> written =
        pipeline.withdrawThenFileTogether(Pipeline.withdrawal(report, "jx-office-1"), report);
    Pipeline.awaitDrained();

    assertThat(written.get(1).partition()).isEqualTo(written.get(0).partition());
    assertThat(written.get(1).offset()).isEqualTo(written.get(0).offset() + 1);

    // The batch inserts its reports before it applies its withdrawals; the report's place in the
    // partition, after the withdrawal's, is what refuses it.
    assertThat(Pipeline.reports(day("2021-04-04"))).isEqualTo(1);
    assertThat(details(report)).containsExactly("arrived before its report");
  }

  private List<String> outcomes(ObjectNode report) throws Exception {
    return column(
        "SELECT outcome FROM report_withdrawal WHERE report_id = ?::uuid ORDER BY id", report);
  }

  private List<String> details(ObjectNode report) throws Exception {
    return column(
        "SELECT detail FROM report_withdrawal WHERE report_id = ?::uuid ORDER BY id", report);
  }

  private String status(ObjectNode report) throws Exception {
    return column("SELECT status FROM report WHERE report_id = ?::uuid", report).get(0);
  }

  private List<String> column(String sql, ObjectNode report) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, report.get("reportId").asText());
      List<String> values = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
