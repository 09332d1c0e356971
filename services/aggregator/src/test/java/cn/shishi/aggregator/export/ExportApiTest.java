package cn.shishi.aggregator.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import cn.shishi.aggregator.Pipeline;
import cn.shishi.contract.chain.ExportVerifier;
import cn.shishi.infra.DevTokens;
import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * June 2023 in 嘉兴: two household visits (户) and a lecture (场), one visit withdrawn and one filed
 * twice; a lecture in 福建 outside the auditor's region. The export's manifest describes exactly the
 * file beside it.
 */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ExportApiTest {
  private static final Map<String, String> JUNE =
      Map.of("region", "33", "from", "2023-06-01", "to", "2023-06-30");
  private static final Map<String, String> NATION =
      Map.of("region", "00", "from", "2020-01-01", "to", "2030-12-31");
  private static boolean filed;
  private static ObjectNode withdrawn;
  private static ObjectNode kept;

  @BeforeEach
  void fileOnce() {
    if (filed) {
      return;
    }
    filed = true;
    kept = report("330402", "household-visit", 7);
    withdrawn = report("330402", "household-visit", 4);
    try (Pipeline pipeline = new Pipeline()) {
      pipeline.file(kept);
      pipeline.file(kept);
      pipeline.file(withdrawn);
      pipeline.file(report("330411", "lecture", 2));
      pipeline.file(report("350102", "lecture", 9));
      pipeline.withdraw(Pipeline.withdrawal(withdrawn, "jx-office-1"), "33");
      pipeline.raw("33", "report-filed", "{\"reportId\": \"not json");
    }
    Pipeline.awaitDrained();
  }

  private static ObjectNode report(String region, String taskType, int quantity) {
    ObjectNode report = Pipeline.report(region, "2023-06-10T10:00:00+08:00", quantity);
    report.put("program", "practical-deeds").put("taskType", taskType).put("beneficiaries", 3);
    return report;
  }

  private static Map<String, byte[]> export(String token, String kind, Map<String, String> query)
      throws IOException {
    byte[] zip =
        given()
            .auth()
            .oauth2(token)
            .queryParams(query)
            .get("/api/v1/exports/" + kind)
            .then()
            .statusCode(200)
            .contentType("application/zip")
            .extract()
            .asByteArray();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void reportsComeWithAManifestThatChecksTheFile() throws Exception {
    Map<String, byte[]> entries = export(TestTokens.auditor(), "reports", JUNE);
    assertThat(entries.keySet())
        .containsExactly("reports-33-2023-06-01-2023-06-30.csv", "chain.jsonl", "manifest.json");
    byte[] data = entries.get("reports-33-2023-06-01-2023-06-30.csv");
    JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
    String[] lines = new String(data, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).startsWith("reportId,officeId,filedBy,regionCode,program,taskType");
    assertThat(lines).hasSize(4);
    assertThat(manifest.path("rows").asLong()).isEqualTo(3);
    assertThat(manifest.path("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    assertThat(manifest.path("rowsBy").path("counted").asLong()).isEqualTo(2);
    assertThat(manifest.path("rowsBy").path("withdrawn").asLong()).isEqualTo(1);
    assertThat(manifest.path("countedQuantityByUnit").path("户").asLong()).isEqualTo(7);
    assertThat(manifest.path("countedQuantityByUnit").path("场").asLong()).isEqualTo(2);
    assertThat(manifest.path("countedBeneficiaries").asLong()).isEqualTo(6);
    assertThat(manifest.path("chainHeads").size())
        .as("the chains' heads, an anchor the auditor keeps")
        .isPositive();
  }

  @Test
  void withdrawalsAndDuplicatesAsJsonLines() throws Exception {
    Map<String, String> query = new LinkedHashMap<>(JUNE);
    query.put("format", "jsonl");
    Map<String, byte[]> withdrawals = export(TestTokens.auditor(), "withdrawals", query);
    String lines =
        new String(
            withdrawals.get("withdrawals-33-2023-06-01-2023-06-30.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines.split("\n")).hasSize(1);
    assertThat(new ObjectMapper().readTree(lines).path("reportId").asText())
        .isEqualTo(withdrawn.get("reportId").asText());
    Map<String, byte[]> duplicates = export(TestTokens.auditor(), "duplicates", query);
    assertThat(new ObjectMapper().readTree(duplicates.get("manifest.json")).path("rows").asLong())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reports", "withdrawals", "duplicates", "dead-letters"})
  void everyExportedRowIsFoundInTheLedgersChains(String kind) throws Exception {
    ExportVerifier.Result result = verify(kind, NATION);
    assertThat(result.broken()).isEmpty();
    assertThat(result.chained()).isPositive().isEqualTo(result.rows());
  }

  @Test
  void aRowEditedInTheDatabaseFailsItsExportsCheck() throws Exception {
    String id = kept.get("reportId").asText();
    DataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
    Pipeline.sql(
        dataSource, "UPDATE report SET quantity = quantity + 100 WHERE report_id = '" + id + "'");
    try {
      assertThat(verify("reports", NATION).broken())
          .hasValueSatisfying(
              where ->
                  assertThat(where)
                      .contains("reports " + id)
                      .contains("its content differs from what was chained"));
    } finally {
      Pipeline.sql(
          dataSource, "UPDATE report SET quantity = quantity - 100 WHERE report_id = '" + id + "'");
    }
    assertThat(verify("reports", NATION).broken()).isEmpty();
  }

  /** Exports as JSON Lines into a file and checks it as an auditor would, on its own. */
  private static ExportVerifier.Result verify(String kind, Map<String, String> query)
      throws IOException {
    Map<String, String> jsonLines = new LinkedHashMap<>(query);
    jsonLines.put("format", "jsonl");
    byte[] zip =
        given()
            .auth()
            .oauth2(TestTokens.auditor())
            .queryParams(jsonLines)
            .get("/api/v1/exports/" + kind)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    Path file = Files.createTempFile("export-", ".zip");
    try {
      Files.write(file, zip);
      return ExportVerifier.verify(file);
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void anAuditorExportsOnlyTheirRegion() {
    String fujian = DevTokens.token("auditor-35", "auditor", "35").mint();
    given()
        .auth()
        .oauth2(fujian)
        .queryParams(JUNE)
        .get("/api/v1/exports/reports")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(fujian)
        .queryParams(Map.of("region", "35", "from", "2023-06-01", "to", "2023-06-30"))
        .get("/api/v1/exports/dead-letters")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.manager("33"))
        .queryParams(JUNE)
        .get("/api/v1/exports/reports")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParams(Map.of("region", "33", "from", "2023-06-31"))
        .get("/api/v1/exports/ledger")
        .then()
        .statusCode(422)
        .body("errors.pointer", hasItems("/kind", "/from", "/to"));
  }
}
