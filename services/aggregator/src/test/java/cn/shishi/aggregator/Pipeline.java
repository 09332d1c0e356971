package cn.shishi.aggregator;

import static io.restassured.RestAssured.given;

import cn.shishi.infra.ContractSamples;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import cn.shishi.infra.TopicWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * Test fixture: writes contract events into the real {@code task-reports} topic and reads the
 * aggregator's totals back over HTTP.
 */
public final class Pipeline implements AutoCloseable {
  private final TopicWriter writer =
      new TopicWriter(
          ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports");

  /** A report-filed event from the contract sample, with a fresh id. */
  public static ObjectNode report() {
    ObjectNode event = ContractSamples.reportFiled();
    event.put("reportId", UUID.randomUUID().toString());
    return event;
  }

  /** A report-filed event for {@code region} completed at {@code completedAt}. */
  public static ObjectNode report(String region, String completedAt, int quantity) {
    ObjectNode event = report();
    event.put("regionCode", region);
    event.put("completedAt", completedAt);
    event.put("quantity", quantity);
    return event;
  }

  /** The withdrawal of {@code report} by {@code office}. */
  public static ObjectNode withdrawal(ObjectNode report, String office) {
    ObjectNode event = ContractSamples.reportWithdrawn();
    event.put("reportId", report.get("reportId").asText());
    event.put("officeId", office);
    return event;
  }

  /** Files a report-filed event under its province and returns where Kafka put it. */
  public RecordMetadata file(ObjectNode event) {
    return writer.write(province(event), "report-filed", event.toString());
  }

  /** Files many reports at once, in order, and waits until Kafka has them all. */
  public void fileAll(java.util.List<ObjectNode> events) {
    fileAll(events, Pipeline::province);
  }

  /** Files many reports at once under the keys {@code key} gives them, as {@link #fileAll}. */
  public void fileAll(
      java.util.List<ObjectNode> events, java.util.function.Function<ObjectNode, String> key) {
    events.forEach(event -> writer.send(key.apply(event), "report-filed", event.toString()));
    writer.flush();
  }

  public RecordMetadata withdraw(ObjectNode event, String province) {
    return writer.write(province, "report-withdrawn", event.toString());
  }

  /**
   * Writes a withdrawal and then its report in one producer batch, so that the aggregator reads
   * them in one poll and applies them in one transaction: how the broker's fetches divide records
   * written one at a time is not the test's to choose. Returns where Kafka put the two.
   */
  public List<RecordMetadata> withdrawThenFileTogether(ObjectNode withdrawal, ObjectNode report)
      throws Exception {
    String province = province(report);
    try (TopicWriter together =
        TopicWriter.holdingUntilFlush(
            ShishiInfrastructureResource.infrastructure().bootstrapServers(), "task-reports")) {
      Future<RecordMetadata> first =
          together.send(province, "report-withdrawn", withdrawal.toString());
      Future<RecordMetadata> second = together.send(province, "report-filed", report.toString());
      together.flush();
      return List.of(first.get(), second.get());
    }
  }

  /** The key a report is filed under here: its province. */
  private static String province(ObjectNode report) {
    return report.get("regionCode").asText().substring(0, 2);
  }

  /** Writes anything, as a misbehaving producer could. */
  public RecordMetadata raw(String key, String type, String value) {
    return writer.write(key, type, value);
  }

  /** Writes bytes and headers exactly as given, as any producer could. */
  public RecordMetadata raw(byte[] key, Headers headers, byte[] value) {
    return writer.writeRaw(key, headers, value);
  }

  /** Runs SQL against the test database, for faults a test injects by hand. */
  public static void sql(javax.sql.DataSource dataSource, String statement) {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** The first column of every row {@code query} returns, as text, for a test to compare. */
  public static List<String> column(javax.sql.DataSource dataSource, String query) {
    List<String> values = new ArrayList<>();
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rows = s.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(query, e);
    }
    return values;
  }

  /** The time now by the test database's clock ({@code clock_timestamp()}), not the JVM's. */
  public static java.time.Instant databaseClock(javax.sql.DataSource dataSource) {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet now = s.executeQuery("SELECT clock_timestamp()")) {
      now.next();
      return now.getObject(1, java.time.OffsetDateTime.class).toInstant();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("SELECT clock_timestamp()", e);
    }
  }

  /** POST /api/v1/admin/rollups/rebuild, as an admin. */
  public static void rebuild() {
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .post("/api/v1/admin/rollups/rebuild")
        .then()
        .statusCode(200);
  }

  /** GET /api/v1/totals with these query parameters, as an auditor. */
  public static JsonPath totals(Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParams(query)
        .get("/api/v1/totals")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The number of reports the totals count for these filters (no grouping). */
  public static long reports(Map<String, ?> query) {
    JsonPath totals = totals(query);
    return totals.getList("rows").isEmpty() ? 0 : totals.getLong("rows[0].reports");
  }

  /** Waits until the aggregator has applied every record written so far. */
  public static void awaitDrained() {
    org.awaitility.Awaitility.await("aggregator drained")
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> reconciliation().getLong("pendingRecords") == 0);
  }

  /** GET /api/v1/reports/{reportId}: everything the ledger knows of a report. */
  public static JsonPath ledgerTrace(ObjectNode report) {
    return ledgerTrace(report, report.get("officeId").asText());
  }

  /** The trace of {@code office}'s report with the id of {@code report}. */
  public static JsonPath ledgerTrace(ObjectNode report, String office) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("office", office)
        .get("/api/v1/reports/" + report.get("reportId").asText())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** GET /api/v1/audit/reconciliation. */
  public static JsonPath reconciliation() {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/audit/reconciliation")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Override
  public void close() {
    writer.close();
  }
}
