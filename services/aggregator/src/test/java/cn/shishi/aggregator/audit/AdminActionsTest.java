package cn.shishi.aggregator.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;

import cn.shishi.infra.ShishiInfrastructureResource;
import cn.shishi.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Privileged actions are logged with who, what and from where; the log is read-only. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class AdminActionsTest {
  private static final long REBUILD_LOCK = 5_174_002L;

  @Inject DataSource dataSource;

  private static List<Map<String, Object>> actionsAfter(long after) {
    return given()
        .auth()
        .oauth2(TestTokens.auditor())
        .queryParam("after", after)
        .get("/api/v1/audit/actions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static long lastId() {
    List<Map<String, Object>> all = actionsAfter(0);
    return all.isEmpty() ? 0 : ((Number) all.get(all.size() - 1).get("id")).longValue();
  }

  @Test
  void aRebuildAndAReconciliationAreLoggedWithTheirActor() {
    long before = lastId();
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .post("/api/v1/admin/rollups/rebuild")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.auditor())
        .get("/api/v1/audit/reconciliation")
        .then()
        .statusCode(200);

    JsonPath logged =
        JsonPath.from(
            given()
                .auth()
                .oauth2(TestTokens.auditor())
                .queryParam("after", before)
                .get("/api/v1/audit/actions")
                .asString());
    assertThat(logged.getList("action")).containsExactly("rollups-rebuild", "reconciliation");
    assertThat(logged.getList("actor")).containsExactly("admin-1", "auditor-1");
    assertThat(logged.getList("source")).allSatisfy(source -> assertThat(source).isNotNull());
    assertThat(logged.getList("at")).doesNotContainNull();
  }

  @Test
  void onlyAuditorsReadTheLogAndNobodyChangesIt() throws SQLException {
    for (String token :
        List.of(TestTokens.admin(), TestTokens.manager("33"), TestTokens.jiaxingOffice())) {
      given().auth().oauth2(token).get("/api/v1/audit/actions").then().statusCode(403);
    }
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .delete("/api/v1/audit/actions")
        .then()
        .statusCode(405);

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO admin_action (at, actor, action) VALUES (now(), 'someone', 'test')");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE admin_action SET actor = 'nobody'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM admin_action"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void aSecondRebuildWhileOneRunsIsAConflictAndChangesNothing() throws SQLException {
    long before = lastId();
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        // Stands in for a rebuild in progress on another instance.
        s.execute("SELECT pg_advisory_xact_lock(" + REBUILD_LOCK + ")");
        given()
            .auth()
            .oauth2(TestTokens.admin())
            .post("/api/v1/admin/rollups/rebuild")
            .then()
            .statusCode(409)
            .contentType("application/problem+json")
            .header("Retry-After", "10")
            .body("type", endsWith("already-running"));
      } finally {
        holder.rollback();
      }
    }
    assertThat(actionsAfter(before)).isEmpty();
    given()
        .auth()
        .oauth2(TestTokens.admin())
        .post("/api/v1/admin/rollups/rebuild")
        .then()
        .statusCode(200);
  }
}
