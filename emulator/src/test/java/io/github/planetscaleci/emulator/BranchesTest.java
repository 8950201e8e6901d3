package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BranchesTest extends EmulatorTestBase {
  private static final String APP = db("acme", "app");

  @Override
  protected PlanetScaleEmulator.Builder configure(PlanetScaleEmulator.Builder builder) {
    return builder.provisioningDelay(Duration.ofMillis(300));
  }

  @BeforeAll
  void seed() {
    emu.createDatabase("acme", "app", SEED);
  }

  @Test
  void newBranchIsPendingThenReadyWithTheParentsSchemaButNoRows() throws SQLException {
    Api.Reply created =
        api.post(APP + "/branches", "{\"name\":\"feature-1\",\"parent_branch\":\"\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("ready").asBoolean()).isFalse();
    assertThat(created.json().path("state").asText()).isEqualTo("pending");
    assertThat(created.json().path("parent_branch").asText()).isEqualTo("main");
    assertThat(created.json().path("production").asBoolean()).isFalse();

    JsonNode ready = readyBranch("acme", "app", "feature-1-ready", null);
    assertThat(ready.path("state").asText()).isEqualTo("ready");
    assertThat(ready.path("schema_ready").asBoolean()).isTrue();
    assertThat(count("feature-1-ready", "SELECT COUNT(*) FROM users")).isZero();
    assertThat(
            api.get(APP + "/branches/feature-1-ready/schema")
                .json()
                .path("data")
                .findValuesAsText("name"))
        .containsExactly("users");
  }

  @Test
  void seedDataCopiesRows() throws SQLException {
    readyBranch("acme", "app", "with-data", "\"seed_data\":\"last_successful_backup\"");
    assertThat(count("with-data", "SELECT COUNT(*) FROM users")).isEqualTo(3);
  }

  @Test
  void invalidDuplicateAndUnknownParent() {
    assertThat(api.post(APP + "/branches", "{\"name\":\"Bad_Name\"}").status()).isEqualTo(422);
    assertThat(api.post(APP + "/branches", "{}").status()).isEqualTo(422);
    assertThat(api.post(APP + "/branches", "{\"name\":\"dup\"}").status()).isEqualTo(201);
    Api.Reply dup = api.post(APP + "/branches", "{\"name\":\"dup\"}");
    assertThat(dup.status()).isEqualTo(422);
    assertThat(dup.json().path("code").asText()).isEqualTo("unprocessable");
    assertThat(
            api.post(APP + "/branches", "{\"name\":\"orphan\",\"parent_branch\":\"nope\"}")
                .status())
        .isEqualTo(404);
    assertThat(api.post(db("acme", "nodb") + "/branches", "{\"name\":\"x\"}").status())
        .isEqualTo(404);
  }

  @Test
  void deleteDropsTheSchemaAndTheDefaultBranchCannotBeDeleted() throws SQLException {
    readyBranch("acme", "app", "short-lived", null);
    String url = emu.adminJdbcUrl("acme", "app", "short-lived");
    String schema = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    assertThat(api.delete(APP + "/branches/short-lived").status()).isEqualTo(204);
    assertThat(api.get(APP + "/branches/short-lived").status()).isEqualTo(404);
    assertThat(api.delete(APP + "/branches/short-lived").status()).isEqualTo(404);
    assertThat(
            countAdmin(
                "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                    + schema
                    + "'"))
        .isZero();
    assertThat(api.delete(APP + "/branches/main").status()).isEqualTo(422);
  }

  @Test
  void lintAndDiff() throws SQLException {
    readyBranch("acme", "app", "linty", null);
    try (Connection c = admin("linty");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE nokey (a INT)");
      s.execute("ALTER TABLE users ADD COLUMN name VARCHAR(50)");
    }
    Api.Reply lint = api.get(APP + "/branches/linty/schema/lint");
    assertThat(lint.status()).isEqualTo(200);
    assertThat(lint.json().path("type").asText()).isEqualTo("list");
    assertThat(lint.json().path("data").get(0).path("lint_error").asText())
        .isEqualTo("NO_UNIQUE_KEY");
    assertThat(lint.json().path("data").get(0).path("table_name").asText()).isEqualTo("nokey");

    JsonNode diff = api.get(APP + "/branches/linty/diff").json().path("data");
    assertThat(diff.findValuesAsText("name")).containsExactlyInAnyOrder("nokey", "users");
    assertThat(diff.findValuesAsText("raw"))
        .anySatisfy(raw -> assertThat(raw).matches("(?s).*\\+ +`name` varchar\\(50\\).*"));
  }

  private Connection admin(String branch) throws SQLException {
    return DriverManager.getConnection(
        emu.adminJdbcUrl("acme", "app", branch), emu.adminUser(), emu.adminPassword());
  }

  private long count(String branch, String sql) throws SQLException {
    try (Connection c = admin(branch);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long countAdmin(String sql) throws SQLException {
    return count("main", sql);
  }
}
